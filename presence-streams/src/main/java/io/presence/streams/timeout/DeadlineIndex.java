package io.presence.streams.timeout;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The time index of DESIGN §4: one entry per (deadline, user, device) that may come due, in a
 * RocksDB store sorted by deadline, plus a low watermark below which every entry has been removed.
 *
 * <p>Scans start at the watermark, never at the first key: removed entries leave tombstones that
 * RocksDB skips one by one until compaction, and a queue-like index would otherwise re-read all of
 * them on every tick. The watermark is persisted only when a scan removed entries — only then are
 * there tombstones to skip — so a restarted or migrated task resumes there without a per-tick write.
 * An entry filed below the watermark is filed at the watermark instead: it is overdue and must be
 * seen by the next scan.
 */
final class DeadlineIndex {

    static final String STORE = "session-deadlines";
    static final String WATERMARK_STORE = "session-deadlines-watermark";

    private static final String WATERMARK_KEY = "low-watermark";
    private static final byte[] PRESENT = new byte[0];

    private final KeyValueStore<Bytes, byte[]> entries;
    private final KeyValueStore<String, Long> watermarkStore;
    private long lowWatermark;
    private boolean removedSinceSaved;

    DeadlineIndex(KeyValueStore<Bytes, byte[]> entries, KeyValueStore<String, Long> watermarkStore) {
        this.entries = entries;
        this.watermarkStore = watermarkStore;
        Long saved = watermarkStore.get(WATERMARK_KEY);
        this.lowWatermark = saved == null ? 0 : saved;
    }

    /** Changelogged, so a task's timers move with it; uncached, so a put is in RocksDB before the next scan. */
    static StoreBuilder<KeyValueStore<Bytes, byte[]>> entriesStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingDisabled();
    }

    static StoreBuilder<KeyValueStore<String, Long>> watermarkStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WATERMARK_STORE), Serdes.String(), Serdes.Long())
                .withCachingDisabled();
    }

    void file(String userId, String deviceId, long deadline) {
        entries.put(new DeadlineKey(Math.max(deadline, lowWatermark), userId, deviceId).toBytes(), PRESENT);
    }

    /** Up to {@code limit} entries due at {@code now}, oldest first; they stay until {@link #remove}d. */
    List<DeadlineKey> due(long now, int limit) {
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

    void remove(DeadlineKey key) {
        entries.delete(key.toBytes());
        removedSinceSaved = true;
    }

    /** Declares every entry below {@code watermark} removed; persists it if there are tombstones to skip. */
    void advanceTo(long watermark) {
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
