package io.presence.streams.status;

import io.presence.schemas.serde.AvroOutput;
import io.presence.streams.session.AppliedEvents;
import io.presence.streams.session.DeviceSession;
import io.presence.streams.session.DeviceState;
import io.presence.streams.session.EventWatermark;
import io.presence.streams.session.GeneralStatus;
import io.presence.streams.session.Platform;
import io.presence.streams.session.UserPresence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value of the {@code user-status} store: a {@link UserPresence} with its de-duplication
 * memory, which the public {@code UserStatus} lacks. One format-version byte, then Avro binary of
 * {@code store/user-presence-v1.avsc}, written and read field by field straight from the domain
 * records: the fold reads and writes this on every event, so no intermediate objects and no
 * registry. The schema is never registered (the store is private to this application); a test
 * reads our bytes with Avro's generic reader against the file, so the two cannot drift.
 *
 * <p>To evolve: add {@code user-presence-v2.avsc}, write version 2, and keep a reader for 1 until
 * every changelog has been rewritten.
 */
public final class UserStatusStoreSerde implements Serde<UserPresence>, Serializer<UserPresence>, Deserializer<UserPresence> {

    static final byte FORMAT_VERSION = 1;
    private static final byte[] HEADER = {FORMAT_VERSION};

    private static final GeneralStatus[] STATUSES = GeneralStatus.values();
    private static final Platform[] PLATFORMS = Platform.values();
    private static final DeviceState[] DEVICE_STATES = DeviceState.values();

    @Override
    public byte[] serialize(String topic, UserPresence presence) {
        if (presence == null) {
            return null;
        }
        try {
            return AvroOutput.encode(HEADER, encoder -> writePresence(encoder, presence));
        } catch (IOException e) {
            throw new SerializationException("cannot encode the state of user " + presence.userId(), e);
        }
    }

    @Override
    public UserPresence deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0 || data[0] != FORMAT_VERSION) {
            throw new SerializationException("user-status value has format version "
                    + (data.length == 0 ? "(none)" : data[0]) + "; this build reads version " + FORMAT_VERSION);
        }
        try {
            return readPresence(DecoderFactory.get().binaryDecoder(data, 1, data.length - 1, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode a user-status value of " + data.length + " bytes", e);
        }
    }

    private static void writePresence(BinaryEncoder out, UserPresence p) throws IOException {
        out.writeString(p.userId());
        out.writeEnum(p.status().ordinal());
        out.writeString(p.customStatus());
        out.writeLong(p.version());
        out.writeLong(p.lastChangedAt());
        writeOptionalLong(out, p.lastSeenAt());
        writeArrayStart(out, p.devices().size());
        for (DeviceSession d : p.devices()) {
            out.startItem();
            out.writeString(d.deviceId());
            out.writeEnum(d.platform().ordinal());
            out.writeEnum(d.state().ordinal());
            out.writeString(d.connectionId());
            out.writeLong(d.since());
            out.writeLong(d.lastHeartbeatAt());
        }
        out.writeArrayEnd();
        AppliedEvents applied = p.applied();
        writeArrayStart(out, applied.devices().size());
        for (String deviceId : sorted(applied.devices().keySet())) {
            out.startItem();
            out.writeString(deviceId);
            writeWatermark(out, applied.devices().get(deviceId));
        }
        out.writeArrayEnd();
        writeWatermark(out, applied.customStatus());
    }

    private static void writeWatermark(BinaryEncoder out, EventWatermark watermark) throws IOException {
        out.writeLong(watermark.timestamp());
        writeArrayStart(out, watermark.eventIds().size());
        for (String eventId : sorted(watermark.eventIds())) {
            out.startItem();
            out.writeString(eventId);
        }
        out.writeArrayEnd();
    }

    /** Sorted, so that equal states are equal bytes (the sets are unordered); almost always one element. */
    private static Collection<String> sorted(Collection<String> values) {
        if (values.size() < 2) {
            return values;
        }
        List<String> ordered = new ArrayList<>(values);
        Collections.sort(ordered);
        return ordered;
    }

    private static void writeOptionalLong(BinaryEncoder out, Long value) throws IOException {
        // union ["null", "long"]: branch index, then the value
        if (value == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            out.writeLong(value);
        }
    }

    /** Avro arrays are blocks of items ended by an empty block; we write at most one non-empty block. */
    private static void writeArrayStart(BinaryEncoder out, int items) throws IOException {
        out.writeArrayStart();
        out.setItemCount(items);
    }

    private static UserPresence readPresence(BinaryDecoder in) throws IOException {
        String userId = in.readString();
        GeneralStatus status = STATUSES[in.readEnum()];
        String customStatus = in.readString();
        long version = in.readLong();
        long lastChangedAt = in.readLong();
        Long lastSeenAt = in.readIndex() == 0 ? null : in.readLong();
        List<DeviceSession> devices = new ArrayList<>();
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                devices.add(new DeviceSession(in.readString(), PLATFORMS[in.readEnum()], DEVICE_STATES[in.readEnum()],
                        in.readString(), in.readLong(), in.readLong()));
            }
        }
        List<Map.Entry<String, EventWatermark>> watermarks = new ArrayList<>(devices.size());
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                watermarks.add(Map.entry(in.readString(), readWatermark(in)));
            }
        }
        AppliedEvents applied = new AppliedEvents(immutableMap(watermarks), readWatermark(in));
        return new UserPresence(userId, status, customStatus, version, lastChangedAt, lastSeenAt, devices, applied);
    }

    private static EventWatermark readWatermark(BinaryDecoder in) throws IOException {
        long timestamp = in.readLong();
        List<String> eventIds = new ArrayList<>(1);
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                eventIds.add(in.readString());
            }
        }
        return new EventWatermark(timestamp, Set.copyOf(eventIds));
    }

    // The domain records keep immutable copies; reading straight into them spares a HashMap or
    // HashSet per watermark that would only be copied (decoding runs once per event in the fold).
    @SuppressWarnings("unchecked")
    private static Map<String, EventWatermark> immutableMap(List<Map.Entry<String, EventWatermark>> entries) {
        return Map.ofEntries(entries.toArray(Map.Entry[]::new));
    }

    @Override
    public Serializer<UserPresence> serializer() {
        return this;
    }

    @Override
    public Deserializer<UserPresence> deserializer() {
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
