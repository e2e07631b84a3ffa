package io.presence.streams.timeout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * A key of the deadline index: {@code deadline (8 bytes, big-endian) | length of userId (4 bytes) |
 * userId | deviceId}, ids in UTF-8. RocksDB orders keys by their bytes, so big-endian non-negative
 * deadlines sort by time and a range scan up to "now" reads only what is due. The length prefix
 * keeps ("ab", "c") and ("a", "bc") apart.
 *
 * <p>The connection is not part of the key: entries for one device at one deadline collapse into
 * one, and the detector reads the connection from {@code user-status} when the entry comes due. A
 * timer about the user as a whole (subscription retention) has an empty device part.
 */
public record DeadlineKey(long deadline, String userId, String deviceId) {

    static final String WHOLE_USER = "";
    private static final int DEADLINE_BYTES = Long.BYTES;

    Bytes toBytes() {
        byte[] user = userId.getBytes(StandardCharsets.UTF_8);
        byte[] device = deviceId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(DEADLINE_BYTES + Integer.BYTES + user.length + device.length);
        buffer.putLong(deadline).putInt(user.length).put(user).put(device);
        return Bytes.wrap(buffer.array());
    }

    static DeadlineKey fromBytes(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        long deadline = buffer.getLong();
        int userLength = buffer.getInt();
        String user = new String(key.get(), buffer.position(), userLength, StandardCharsets.UTF_8);
        int deviceStart = buffer.position() + userLength;
        String device = new String(key.get(), deviceStart, key.get().length - deviceStart, StandardCharsets.UTF_8);
        return new DeadlineKey(deadline, user, device);
    }

    /** Which device the entry is about, whatever its deadline. */
    record Device(String userId, String deviceId) {
    }

    Device device() {
        return new Device(userId, deviceId);
    }

    /** The bare deadline: sorts before every entry at {@code deadline} and after every earlier one. */
    static Bytes lowerBound(long deadline) {
        return Bytes.wrap(ByteBuffer.allocate(DEADLINE_BYTES).putLong(deadline).array());
    }
}
