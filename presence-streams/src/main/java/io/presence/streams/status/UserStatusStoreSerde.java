package io.presence.streams.status;

import io.presence.streams.session.AppliedEvents;
import io.presence.streams.session.DeviceRecord;
import io.presence.streams.session.DeviceSession;
import io.presence.streams.session.DeviceState;
import io.presence.streams.session.EventWatermark;
import io.presence.streams.session.GeneralStatus;
import io.presence.streams.session.Platform;
import io.presence.streams.session.PresenceParts;
import io.presence.streams.session.StatusRecord;
import io.presence.streams.session.UserLiveness;
import io.presence.streams.session.UserPresence;
import io.presence.streams.storage.ValueBytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
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
 * The value of the {@code user-status} store: one format-version byte, then Avro binary written and
 * read field by field straight from the domain records — the fold reads and writes this on every
 * event that is not a plain heartbeat refresh, so no intermediate objects and no registry. The
 * schemas are never registered (the store is private to this application); a test reads our bytes
 * with Avro's generic reader against the files, so code and schemas cannot drift.
 *
 * <ul>
 *   <li>Format 2 ({@code store/user-presence-v2.avsc}), written: the user's {@link StatusRecord}.</li>
 *   <li>Format 1 ({@code store/user-presence-v1.avsc}), still read: the whole {@link UserPresence},
 *       liveness included, as written before the liveness had a store of its own
 *       ({@link StoredStatus#carriedLiveness()}). A restarted instance keeps such values until the
 *       user's record next changes; drop this reader once every changelog has been rewritten.</li>
 * </ul>
 */
public final class UserStatusStoreSerde implements Serde<StoredStatus>, Serializer<StoredStatus>, Deserializer<StoredStatus> {

    static final byte FORMAT_WHOLE_STATE = 1;
    static final byte FORMAT_VERSION = 2;

    private static final GeneralStatus[] STATUSES = GeneralStatus.values();
    private static final Platform[] PLATFORMS = Platform.values();
    private static final DeviceState[] DEVICE_STATES = DeviceState.values();

    @Override
    public byte[] serialize(String topic, StoredStatus stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.carriedLiveness().equals(UserLiveness.NONE)) {
            // format 2 has no room for it: writing would silently drop the user's heartbeats and watermarks
            throw new IllegalArgumentException("a user-status value to write must carry no liveness (user "
                    + stored.record().userId() + ")");
        }
        StatusRecord record = stored.record();
        ValueBytes out = new ValueBytes(48 + 48 * record.devices().size());
        out.write(FORMAT_VERSION);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writeRecord(encoder, record);
            encoder.flush();
        } catch (IOException e) {
            throw new SerializationException("cannot encode the status record of user " + record.userId(), e);
        }
        return out.toByteArray();
    }

    @Override
    public StoredStatus deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        byte format = data.length == 0 ? 0 : data[0];
        if (format != FORMAT_VERSION && format != FORMAT_WHOLE_STATE) {
            throw new SerializationException("user-status value has format version "
                    + (data.length == 0 ? "(none)" : format) + "; this build reads versions "
                    + FORMAT_WHOLE_STATE + " and " + FORMAT_VERSION);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, 1, data.length - 1, null);
            if (format == FORMAT_VERSION) {
                return StoredStatus.of(readRecord(decoder));
            }
            PresenceParts parts = PresenceParts.split(readWholeState(decoder));
            return new StoredStatus(parts.record(), parts.liveness());
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode a user-status value of " + data.length + " bytes", e);
        }
    }

    private static void writeRecord(BinaryEncoder out, StatusRecord r) throws IOException {
        out.writeString(r.userId());
        out.writeEnum(r.status().ordinal());
        out.writeString(r.customStatus());
        out.writeLong(r.version());
        out.writeLong(r.lastChangedAt());
        writeOptionalLong(out, r.lastSeenAt());
        writeArrayStart(out, r.devices().size());
        for (DeviceRecord d : r.devices()) {
            out.startItem();
            out.writeString(d.deviceId());
            out.writeEnum(d.platform().ordinal());
            out.writeEnum(d.state().ordinal());
            out.writeString(d.connectionId());
            out.writeLong(d.since());
        }
        out.writeArrayEnd();
        // NONE's timestamp, Long.MIN_VALUE, would take ten bytes
        if (r.customStatusApplied().equals(EventWatermark.NONE)) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            writeWatermark(out, r.customStatusApplied());
        }
    }

    private static StatusRecord readRecord(BinaryDecoder in) throws IOException {
        String userId = in.readString();
        GeneralStatus status = STATUSES[in.readEnum()];
        String customStatus = in.readString();
        long version = in.readLong();
        long lastChangedAt = in.readLong();
        Long lastSeenAt = in.readIndex() == 0 ? null : in.readLong();
        List<DeviceRecord> devices = new ArrayList<>();
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                devices.add(new DeviceRecord(in.readString(), PLATFORMS[in.readEnum()], DEVICE_STATES[in.readEnum()],
                        in.readString(), in.readLong()));
            }
        }
        EventWatermark customStatusApplied = in.readIndex() == 0 ? EventWatermark.NONE : readWatermark(in);
        return new StatusRecord(userId, status, customStatus, version, lastChangedAt, lastSeenAt, devices,
                customStatusApplied);
    }

    /** Format 1: the record's fields, each device with its last heartbeat, then every device's watermark. */
    private static UserPresence readWholeState(BinaryDecoder in) throws IOException {
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
        Map<String, EventWatermark> watermarks = new HashMap<>();
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                watermarks.put(in.readString(), readWatermark(in));
            }
        }
        AppliedEvents applied = new AppliedEvents(watermarks, readWatermark(in));
        return new UserPresence(userId, status, customStatus, version, lastChangedAt, lastSeenAt, devices, applied);
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

    private static EventWatermark readWatermark(BinaryDecoder in) throws IOException {
        long timestamp = in.readLong();
        Set<String> eventIds = new HashSet<>();
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                eventIds.add(in.readString());
            }
        }
        return new EventWatermark(timestamp, eventIds);
    }

    /** Sorted, so that equal states are equal bytes (the sets are unordered); almost always one element. */
    static Collection<String> sorted(Collection<String> values) {
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
    static void writeArrayStart(BinaryEncoder out, int items) throws IOException {
        out.writeArrayStart();
        out.setItemCount(items);
    }

    @Override
    public Serializer<StoredStatus> serializer() {
        return this;
    }

    @Override
    public Deserializer<StoredStatus> deserializer() {
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
