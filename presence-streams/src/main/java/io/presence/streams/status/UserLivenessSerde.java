package io.presence.streams.status;

import io.presence.streams.session.DeviceLiveness;
import io.presence.streams.session.EventWatermark;
import io.presence.streams.session.UserLiveness;
import io.presence.streams.storage.CanonicalUuid;
import io.presence.streams.storage.ValueBytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value of the {@code user-liveness} store: one format-version byte, then Avro binary of
 * {@code store/user-liveness-v1.avsc}, written field by field like {@link UserStatusStoreSerde}. Every
 * heartbeat refresh reads and writes it, so it is made small: ids that are canonical UUIDs take 16
 * bytes instead of 36, and each timestamp is the difference from the one before it — a device's
 * watermark is almost always at its last heartbeat, so one byte. A user with one live device and
 * UUID event ids takes about 50 bytes. A test reads our bytes with Avro's generic reader against the file.
 */
public final class UserLivenessSerde implements Serde<UserLiveness>, Serializer<UserLiveness>, Deserializer<UserLiveness> {

    static final byte FORMAT_VERSION = 1;

    /** Branches of the union {@code ["Uuid", "string"]}; {@code ["null", "Uuid", "string"]} shifts them by one. */
    private static final int UUID_BRANCH = 0;
    private static final int ABSENT = 0;
    private static final int PRESENT = 1;

    @Override
    public byte[] serialize(String topic, UserLiveness liveness) {
        if (liveness == null) {
            return null;
        }
        ValueBytes out = new ValueBytes(64);
        out.write(FORMAT_VERSION);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            write(encoder, liveness);
            encoder.flush();
        } catch (IOException e) {
            throw new SerializationException("cannot encode a user-liveness value", e);
        }
        return out.toByteArray();
    }

    @Override
    public UserLiveness deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0 || data[0] != FORMAT_VERSION) {
            throw new SerializationException("user-liveness value has format version "
                    + (data.length == 0 ? "(none)" : data[0]) + "; this build reads version " + FORMAT_VERSION);
        }
        try {
            return read(DecoderFactory.get().binaryDecoder(data, 1, data.length - 1, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode a user-liveness value of " + data.length + " bytes", e);
        }
    }

    private static void write(BinaryEncoder out, UserLiveness liveness) throws IOException {
        List<String> deviceIds = deviceIds(liveness);
        UserStatusStoreSerde.writeArrayStart(out, deviceIds.size());
        long previous = 0;
        for (String deviceId : deviceIds) {
            out.startItem();
            writeId(out, deviceId, UUID_BRANCH);
            DeviceLiveness device = liveness.devices().get(deviceId);
            if (device == null) {
                out.writeIndex(ABSENT);
            } else {
                out.writeIndex(PRESENT);
                if (device.liveConnectionId() == null) {
                    out.writeIndex(ABSENT);
                } else {
                    writeId(out, device.liveConnectionId(), UUID_BRANCH + 1);
                }
                out.writeLong(device.lastHeartbeatAt() - previous);
                previous = device.lastHeartbeatAt();
            }
            EventWatermark watermark = liveness.applied().get(deviceId);
            if (watermark == null) {
                out.writeIndex(ABSENT);
            } else {
                out.writeIndex(PRESENT);
                out.writeLong(watermark.timestamp() - previous);
                previous = watermark.timestamp();
                UserStatusStoreSerde.writeArrayStart(out, watermark.eventIds().size());
                for (String eventId : UserStatusStoreSerde.sorted(watermark.eventIds())) {
                    out.startItem();
                    writeId(out, eventId, UUID_BRANCH);
                }
                out.writeArrayEnd();
            }
        }
        out.writeArrayEnd();
    }

    /** Every device either part names, sorted; a tombstone has a watermark and no session. */
    private static List<String> deviceIds(UserLiveness liveness) {
        List<String> ids = new ArrayList<>(liveness.applied().keySet());
        for (String deviceId : liveness.devices().keySet()) {
            if (!liveness.applied().containsKey(deviceId)) {
                ids.add(deviceId);
            }
        }
        Collections.sort(ids);
        return ids;
    }

    private static UserLiveness read(BinaryDecoder in) throws IOException {
        List<Map.Entry<String, DeviceLiveness>> devices = new ArrayList<>(2);
        List<Map.Entry<String, EventWatermark>> applied = new ArrayList<>(2);
        long previous = 0;
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                String deviceId = readId(in, in.readIndex(), UUID_BRANCH);
                if (present(in.readIndex())) {
                    int connection = in.readIndex();
                    String liveConnectionId = connection == ABSENT ? null : readId(in, connection, UUID_BRANCH + 1);
                    previous += in.readLong();
                    devices.add(Map.entry(deviceId, new DeviceLiveness(liveConnectionId, previous)));
                }
                if (present(in.readIndex())) {
                    previous += in.readLong();
                    applied.add(Map.entry(deviceId, new EventWatermark(previous, readIds(in))));
                }
            }
        }
        return new UserLiveness(immutable(devices), immutable(applied));
    }

    /** Built immutable here, so the record keeps the map as it is instead of copying a HashMap (every refresh reads one). */
    @SuppressWarnings("unchecked") // an array of a generic type; Map.ofEntries only reads it
    private static <V> Map<String, V> immutable(List<Map.Entry<String, V>> entries) {
        return Map.ofEntries(entries.toArray(new Map.Entry[0]));
    }

    /** Gathered in a list, not a set: EventWatermark keeps its own copy, and that copy of one id is all it allocates. */
    private static Set<String> readIds(BinaryDecoder in) throws IOException {
        List<String> ids = new ArrayList<>(1);
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                ids.add(readId(in, in.readIndex(), UUID_BRANCH));
            }
        }
        return Set.copyOf(ids);
    }

    /** An id as the union {@code [Uuid, string]}, whose first branch is {@code uuidBranch}. */
    private static void writeId(BinaryEncoder out, String id, int uuidBranch) throws IOException {
        byte[] uuid = CanonicalUuid.bytesOf(id);
        if (uuid != null) {
            out.writeIndex(uuidBranch);
            out.writeFixed(uuid);
        } else {
            out.writeIndex(uuidBranch + 1);
            out.writeString(id);
        }
    }

    private static String readId(BinaryDecoder in, int branch, int uuidBranch) throws IOException {
        if (branch == uuidBranch) {
            byte[] uuid = new byte[CanonicalUuid.BYTES];
            in.readFixed(uuid);
            return CanonicalUuid.textOf(uuid);
        }
        if (branch == uuidBranch + 1) {
            return in.readString();
        }
        throw new IOException("union branch " + branch + " is not an id");
    }

    private static boolean present(int branch) throws IOException {
        if (branch != ABSENT && branch != PRESENT) {
            throw new IOException("union branch " + branch + " of an optional field");
        }
        return branch == PRESENT;
    }

    @Override
    public Serializer<UserLiveness> serializer() {
        return this;
    }

    @Override
    public Deserializer<UserLiveness> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the format is fixed by the version byte
    }

    @Override
    public void close() {
        // holds no resources
    }
}
