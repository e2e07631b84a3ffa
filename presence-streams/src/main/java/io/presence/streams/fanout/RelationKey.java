package io.presence.streams.fanout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the relation indexes: {@code length of owner (4 bytes) | owner | other}, ids in UTF-8.
 * RocksDB orders keys by their bytes, so all relations of one owner are one contiguous, sorted
 * range; the length prefix keeps "ab" from being a prefix of "abc"'s range (the layout of Kafka
 * Streams' foreign-key join keys). The same prefix starts the keys of {@link FanoutJobs}.
 */
final class RelationKey {

    private RelationKey() {
    }

    static Bytes of(String owner, String other) {
        byte[] prefix = prefix(owner);
        byte[] suffix = other.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(prefix.length + suffix.length).put(prefix).put(suffix).array());
    }

    /** {@code length | owner}: every key of {@code owner} starts with it, and no other key does. */
    static byte[] prefix(String owner) {
        byte[] id = owner.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Integer.BYTES + id.length).putInt(id.length).put(id).array();
    }

    /** The first key of {@code owner} that comes after its relation to {@code other}. */
    static Bytes after(String owner, String other) {
        byte[] key = of(owner, other).get();
        byte[] next = new byte[key.length + 1]; // followed by 0x00: nothing sorts between the two
        System.arraycopy(key, 0, next, 0, key.length);
        return Bytes.wrap(next);
    }

    /** The first possible key of {@code owner}. */
    static Bytes first(String owner) {
        return Bytes.wrap(prefix(owner));
    }

    /**
     * An upper bound of {@code owner}'s keys: the prefix with its last byte incremented. It is no
     * key itself (every key has a non-empty suffix), so range()'s inclusive end reads nothing extra.
     */
    static Bytes last(String owner) {
        return Bytes.increment(Bytes.wrap(prefix(owner)));
    }

    /** The {@code other} part of a key whose owner is {@code owner}. */
    static String otherOf(Bytes key, String owner) {
        int start = Integer.BYTES + owner.getBytes(StandardCharsets.UTF_8).length;
        return new String(key.get(), start, key.get().length - start, StandardCharsets.UTF_8);
    }
}
