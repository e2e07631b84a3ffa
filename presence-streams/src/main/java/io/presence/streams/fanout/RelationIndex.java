package io.presence.streams.fanout;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A relation index on the owner's task: {@code owner | other → since}, one entry per relation
 * (who subscribes to a target; who is a user's friend). A target with 100 000 subscribers is
 * 100 000 small entries, read back as a sorted range from any point — never one value (R-NOT-3).
 */
public final class RelationIndex {

    /** {@code target | subscriber → since}, written from the ledger's edges. */
    public static final String SUBSCRIBERS = "subscriber-index";
    /** {@code user | friend → since}, written from {@code presence.friendships}. */
    public static final String FRIENDS = "friend-index";

    private final KeyValueStore<Bytes, Long> entries;

    RelationIndex(KeyValueStore<Bytes, Long> entries) {
        this.entries = entries;
    }

    /** Changelogged, so the index moves with its task; uncached, so a scan reads RocksDB alone. */
    public static StoreBuilder<KeyValueStore<Bytes, Long>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.Long())
                .withCachingDisabled();
    }

    void put(String owner, String other, long since) {
        entries.put(RelationKey.of(owner, other), since);
    }

    /** Keeps the first {@code since} of a relation stated again. */
    void putIfAbsent(String owner, String other, long since) {
        entries.putIfAbsent(RelationKey.of(owner, other), since);
    }

    void remove(String owner, String other) {
        entries.delete(RelationKey.of(owner, other));
    }

    /**
     * The others of {@code owner} in ascending order, starting after {@code after} (exclusive), or
     * at the first when it is null. Holds a RocksDB iterator: close it.
     */
    Scan othersAfter(String owner, String after) {
        Bytes from = after == null ? RelationKey.first(owner) : RelationKey.after(owner, after);
        return new Scan(owner, entries.range(from, RelationKey.last(owner)));
    }

    /** The ids of one owner's relations, in key order. */
    static final class Scan implements Iterator<String>, AutoCloseable {

        private final String owner;
        private final KeyValueIterator<Bytes, Long> range;

        private Scan(String owner, KeyValueIterator<Bytes, Long> range) {
            this.owner = owner;
            this.range = range;
        }

        @Override
        public boolean hasNext() {
            return range.hasNext();
        }

        @Override
        public String next() {
            if (!range.hasNext()) {
                throw new NoSuchElementException();
            }
            return RelationKey.otherOf(range.next().key, owner);
        }

        @Override
        public void close() {
            range.close();
        }
    }
}
