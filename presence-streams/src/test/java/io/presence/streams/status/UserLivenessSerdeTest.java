package io.presence.streams.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.streams.session.DeviceLiveness;
import io.presence.streams.session.EventWatermark;
import io.presence.streams.session.Platform;
import io.presence.streams.session.PresenceParts;
import io.presence.streams.session.SessionEvent;
import io.presence.streams.session.StatusFold;
import io.presence.streams.session.UserLiveness;
import io.presence.streams.session.UserPresence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class UserLivenessSerdeTest {

    private static final String EVENT_ID = "3f2c1a8e-9b4d-4e6f-a1c2-7d8e9f0a1b2c";

    private final UserLivenessSerde serde = new UserLivenessSerde();

    @Test
    void aLivenessWithLiveAndDisconnectedDevicesAndATombstoneSurvivesTheRoundTrip() {
        UserLiveness liveness = PresenceParts.split(FormatOneValues.alice()).liveness();

        UserLiveness decoded = roundTrip(liveness);

        assertThat(decoded).isEqualTo(liveness);
        assertThat(decoded.devices()).containsOnlyKeys("phone", "tablet");
        assertThat(decoded.devices().get("tablet").liveConnectionId()).as("DISCONNECTED: no live connection").isNull();
        assertThat(decoded.applied()).containsOnlyKeys("phone", "tablet", "laptop");
    }

    @Test
    void nothingAppliedSurvivesTheRoundTrip() {
        assertThat(roundTrip(UserLiveness.NONE)).isEqualTo(UserLiveness.NONE);
    }

    @Test
    void uuidAndOtherIdsComeBackAsWritten() {
        String uuid = UUID.randomUUID().toString();
        List<String> notCanonical = List.of("e1", uuid.toUpperCase(), uuid.replace("-", ""), "{" + uuid + "}",
                uuid.substring(0, 35) + "g", "", "conn-17-3");
        Map<String, DeviceLiveness> devices = new LinkedHashMap<>();
        Map<String, EventWatermark> applied = new LinkedHashMap<>();
        devices.put(uuid, new DeviceLiveness(UUID.randomUUID().toString(), 1_000));
        applied.put(uuid, new EventWatermark(1_000, Set.of(UUID.randomUUID().toString(), UUID.randomUUID().toString())));
        for (int i = 0; i < notCanonical.size(); i++) {
            String id = notCanonical.get(i);
            devices.put("d-" + id, new DeviceLiveness(id, 2_000 + i));
            applied.put("d-" + id, new EventWatermark(2_000 + i, Set.of(id, uuid)));
        }
        UserLiveness liveness = new UserLiveness(devices, applied);

        assertThat(roundTrip(liveness)).isEqualTo(liveness);
    }

    @Test
    void aCanonicalUuidTakesSixteenBytesAndAnyOtherIdItsText() {
        UserLiveness withUuid = oneLiveDevice("dev-0", "conn-1-1", EVENT_ID, 1_750_000_061_000L);
        UserLiveness withUppercase = oneLiveDevice("dev-0", "conn-1-1", EVENT_ID.toUpperCase(), 1_750_000_061_000L);

        assertThat(serde.serialize("any", withUppercase).length - serde.serialize("any", withUuid).length)
                .isEqualTo(36 + 1 - 16); // the text and its length, against the 16 bytes
    }

    /**
     * What a heartbeat refresh reads and writes for a typical user (one device on its live
     * connection, its watermark at its last heartbeat, a UUID event id): 48 bytes, of which the
     * timestamps take 7 and the event id 17. The user's whole state, which every refresh rewrote
     * before, was 122 bytes in format 1; the record without the liveness is now 53.
     */
    @Test
    void aUserWithOneLiveDeviceTakesAboutFiftyBytes() {
        long at = 1_750_000_061_000L;
        UserLiveness liveness = oneLiveDevice("dev-0", "conn-1-1", EVENT_ID, at);
        UserPresence whole = typicalUser(at);

        byte[] bytes = serde.serialize("any", liveness);

        assertThat(PresenceParts.split(whole).liveness()).isEqualTo(liveness);
        assertThat(bytes).hasSize(48);
        assertThat(new UserStatusStoreSerde().serialize("any", StoredStatus.of(PresenceParts.split(whole).record())))
                .hasSize(53);
    }

    @Test
    void theBytesAreAvroOfTheCheckedInSchema() throws IOException {
        long at = 1_750_000_061_000L;
        byte[] bytes = serde.serialize("any", oneLiveDevice("dev-0", "conn-1-1", EVENT_ID, at));

        GenericRecord record = new GenericDatumReader<GenericRecord>(schema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null));

        assertThat(bytes[0]).isEqualTo(UserLivenessSerde.FORMAT_VERSION);
        GenericRecord device = (GenericRecord) ((List<?>) record.get("devices")).get(0);
        assertThat(device.get("deviceId").toString()).isEqualTo("dev-0");
        GenericRecord session = (GenericRecord) device.get("session");
        assertThat(session.get("liveConnectionId").toString()).isEqualTo("conn-1-1");
        assertThat(session.get("lastHeartbeatAt")).as("the first timestamp, from 0").isEqualTo(at);
        GenericRecord watermark = (GenericRecord) device.get("watermark");
        assertThat(watermark.get("timestamp")).as("the watermark, from the last heartbeat").isEqualTo(0L);
        GenericFixed eventId = (GenericFixed) ((List<?>) watermark.get("eventIds")).get(0);
        ByteBuffer uuid = ByteBuffer.wrap(eventId.bytes());
        assertThat(new UUID(uuid.getLong(), uuid.getLong()).toString()).isEqualTo(EVENT_ID);
    }

    @Test
    void equalLivenessesAreEqualBytesWhateverOrderTheirMapsAndSetsIterateIn() {
        UserLiveness liveness = PresenceParts.split(FormatOneValues.alice()).liveness();
        Map<String, EventWatermark> reversed = new LinkedHashMap<>();
        liveness.applied().keySet().stream().sorted(java.util.Comparator.reverseOrder())
                .forEach(device -> reversed.put(device, liveness.applied().get(device)));
        reversed.put("phone", new EventWatermark(4_000, new LinkedHashSet<>(List.of("z-second", "a-first"))));
        Map<String, EventWatermark> sorted = new LinkedHashMap<>(liveness.applied());
        sorted.put("phone", new EventWatermark(4_000, new LinkedHashSet<>(List.of("a-first", "z-second"))));
        UserLiveness one = new UserLiveness(liveness.devices(), reversed);
        UserLiveness other = new UserLiveness(liveness.devices(), sorted);

        assertThat(one).isEqualTo(other);
        assertThat(serde.serialize("any", one)).isEqualTo(serde.serialize("any", other));
    }

    @Test
    void anUnknownFormatVersionIsRefusedClearly() {
        byte[] bytes = serde.serialize("any", UserLiveness.NONE);
        bytes[0] = 7;

        assertThatThrownBy(() -> serde.deserialize("any", bytes)).isInstanceOf(SerializationException.class)
                .hasMessage("user-liveness value has format version 7; this build reads version 1");
    }

    @Test
    void truncatedBytesAreRefusedClearly() {
        byte[] bytes = serde.serialize("any", oneLiveDevice("dev-0", "conn-1-1", EVENT_ID, 1_000));

        assertThatThrownBy(() -> serde.deserialize("any", java.util.Arrays.copyOf(bytes, 20)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot decode a user-liveness value of 20 bytes");
    }

    private UserLiveness roundTrip(UserLiveness liveness) {
        return serde.deserialize("any", serde.serialize("any", liveness));
    }

    private static UserLiveness oneLiveDevice(String deviceId, String connectionId, String eventId, long at) {
        return new UserLiveness(Map.of(deviceId, new DeviceLiveness(connectionId, at)),
                Map.of(deviceId, new EventWatermark(at, Set.of(eventId))));
    }

    /** Logged in with a UUID event id, then refreshed by a heartbeat: the user of the fold benchmark. */
    private static UserPresence typicalUser(long at) {
        UserPresence state = UserPresence.unknown("user-0000012345");
        state = StatusFold.evolve(state, new SessionEvent.Login(UUID.randomUUID().toString(), at - 60_000, "gw",
                "user-0000012345", "dev-0", "conn-1-1", Platform.ANDROID)).state();
        return StatusFold.evolve(state, new SessionEvent.Heartbeat(EVENT_ID, at, "gw", "user-0000012345", "dev-0",
                "conn-1-1")).state();
    }

    private static Schema schema() throws IOException {
        try (InputStream in = UserLivenessSerde.class.getResourceAsStream("/store/user-liveness-v1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }
}
