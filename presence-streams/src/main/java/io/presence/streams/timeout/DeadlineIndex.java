package io.presence.streams.timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The time index of DESIGN §4: one entry per (deadline, user, device) that may come due, in a
 * RocksDB store sorted by deadline, plus a low watermark below which every entry has been removed.
 * The timeout detector keeps one ({@code session-deadlines}); the subscription retention keeps
 * another, with per-user entries (no device).
 *
 * <p>Scans start at the watermark, never at the first key: removed entries leave tombstones that
 * RocksDB skips one by one until compaction, and a queue-like index would otherwise re-read all of
 * them on every tick. The watermark is persisted only when a scan removed entries — only then are
 * there tombstones to skip — so a restarted or migrated task resumes there without a per-tick write.
 * An entry filed below the watermark is filed at the watermark instead: it is overdue and must be
 * seen by the next scan.
 */
public final class DeadlineIndex {

    private static final String WATERMARK_SUFFIX = "-watermark";
    private static final String WATERMARK_KEY = "low-watermark";
    private static final byte[] PRESENT = new byte[0];

    private final KeyValueStore<Bytes, byte[]> entries;
    private final KeyValueStore<String, Long> watermarkStore;
    private long lowWatermark;
    private boolean removedSinceSaved;

    private DeadlineIndex(KeyValueStore<Bytes, byte[]> entries, KeyValueStore<String, Long> watermarkStore) {
        this.entries = entries;
        this.watermarkStore = watermarkStore;
        Long saved = watermarkStore.get(WATERMARK_KEY);
        this.lowWatermark = saved == null ? 0 : saved;
    }

    /**
     * The index named {@code name} and its watermark store ({@code name-watermark}). Changelogged,
     * so a task's timers move with it; uncached, so a put is in RocksDB before the next scan.
     */
    public static List<StoreBuilder<?>> stores(String name) {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                        .withCachingDisabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + WATERMARK_SUFFIX), Serdes.String(),
                        Serdes.Long()).withCachingDisabled());
    }

    /** The index named {@code name}, from the stores {@link #stores} declared. */
    public static DeadlineIndex open(ProcessingContext context, String name) {
        return new DeadlineIndex(context.getStateStore(name), context.getStateStore(name + WATERMARK_SUFFIX));
    }

    public void file(String userId, String deviceId, long deadline) {
        entries.put(new DeadlineKey(Math.max(deadline, lowWatermark), userId, deviceId).toBytes(), PRESENT);
    }

    /**
     * Removes an entry filed earlier, if it is still there. One below the watermark is not: it was
     * taken, or filed at the watermark instead, and the detector settles it when it comes due.
     */
    public void unfile(String userId, String deviceId, long deadline) {
        if (deadline >= lowWatermark) {
            delete(new DeadlineKey(deadline, userId, deviceId));
        }
    }

    /** Files a timer about the user as a whole (its device part is empty). */
    public void file(String userId, long deadline) {
        file(userId, DeadlineKey.WHOLE_USER, deadline);
    }

    /**
     * Removes up to {@code limit} entries due at {@code now} and returns them, earliest first, one
     * per (user, device): entries filed at different deadlines for the same device are settled once.
     * The caller re-files what is not over yet.
     */
    public List<DeadlineKey> takeDue(long now, int limit) {
        List<DeadlineKey> due = due(now, limit);
        List<DeadlineKey> distinct = new ArrayList<>(due.size());
        Set<DeadlineKey.Device> seen = new HashSet<>();
        for (DeadlineKey entry : due) {
            remove(entry);
            if (seen.add(entry.device())) {
                distinct.add(entry);
            }
        }
        boolean capped = due.size() == limit;
        // capped: entries at the last deadline may remain, so the watermark stays on it
        advanceTo(capped ? due.get(due.size() - 1).deadline() : now + 1);
        return distinct;
    }

    /** Up to {@code limit} entries due at {@code now}, oldest first; they stay until {@link #remove}d. */
    private List<DeadlineKey> due(long now, int limit) {
        List<DeadlineKey> due = new ArrayList<>();
        if (now < lowWatermark) {
            return due;
        }
        // range() includes its upper bound; no key is a bare 8-byte deadline, so this stops after "now"
        try (KeyValueIterator<Bytes, byte[]> scan = entries.range(
                DeadlineKey.lowerBound(lowWatermark), DeadlineKey.lowerBound(now + 1))) {
            while (due.size() < limit && scan.hasNext()) {
                due.add(DeadlineKey.fromBytes(scan.next().key));
            }
        }
        return due;
    }

    private void remove(DeadlineKey key) {
        delete(key);
        removedSinceSaved = true;
    }

    // put(key, null) is a delete; KeyValueStore#delete would first read the entry, only to return it
    private void delete(DeadlineKey key) {
        entries.put(key.toBytes(), null);
    }

    /** Declares every entry below {@code watermark} removed; persists it if there are tombstones to skip. */
    private void advanceTo(long watermark) {
        if (watermark <= lowWatermark) {
            return;
        }
        lowWatermark = watermark;
        if (removedSinceSaved) {
            watermarkStore.put(WATERMARK_KEY, lowWatermark);
            removedSinceSaved = false;
        }
    }
}
