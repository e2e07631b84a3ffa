package io.presence.streams.fanout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The {@code fanout-jobs} store: the fan-outs not finished yet, keyed {@code length | userId |
 * version (8 bytes, big-endian)}. One user's jobs are one contiguous range in version order, so
 * the oldest is the first of its range: that order is what keeps one user's notifications in
 * version order (R-NOT-2). Holds only unfinished work, so it stays small.
 */
final class FanoutJobs {

    static final String STORE = "fanout-jobs";

    private final KeyValueStore<Bytes, FanoutJob> jobs;

    FanoutJobs(KeyValueStore<Bytes, FanoutJob> jobs) {
        this.jobs = jobs;
    }

    /**
     * Changelogged, so a cursor saved in a transaction moves with the task. In memory: every change
     * asks {@link #hasPending} and the answer is almost always "no", and opening a RocksDB iterator for
     * that was a quarter of the fan-out's time; the store holds only unfinished work, so restoring it
     * when a task moves is quick. Uncached: the scans must see every write at once.
     */
    static StoreBuilder<KeyValueStore<Bytes, FanoutJob>> store() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.Bytes(), new FanoutJobSerde())
                .withCachingDisabled();
    }

    boolean hasPending(String userId) {
        return oldestOf(userId).isPresent();
    }

    Optional<FanoutJob> oldestOf(String userId) {
        try (KeyValueIterator<Bytes, FanoutJob> range = jobs.range(RelationKey.first(userId), RelationKey.last(userId))) {
            return range.hasNext() ? Optional.of(range.next().value) : Optional.empty();
        }
    }

    /** Saves a new job, or the new cursor of one in progress. */
    void save(FanoutJob job) {
        jobs.put(keyOf(job), job);
    }

    void remove(FanoutJob job) {
        jobs.delete(keyOf(job));
    }

    /** The oldest job of every user with work pending, in key order. */
    List<FanoutJob> oldestPerUser() {
        List<FanoutJob> heads = new ArrayList<>();
        try (KeyValueIterator<Bytes, FanoutJob> all = jobs.all()) {
            String previousUser = null;
            while (all.hasNext()) {
                KeyValue<Bytes, FanoutJob> next = all.next();
                if (!next.value.userId().equals(previousUser)) {
                    heads.add(next.value);
                    previousUser = next.value.userId();
                }
            }
        }
        return heads;
    }

    private static Bytes keyOf(FanoutJob job) {
        byte[] prefix = RelationKey.prefix(job.userId());
        // versions are non-negative, so big-endian bytes sort like the numbers
        return Bytes.wrap(ByteBuffer.allocate(prefix.length + Long.BYTES).put(prefix).putLong(job.version()).array());
    }
}
