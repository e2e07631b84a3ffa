package io.presence.streams.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.streams.session.AppliedEvents;
import io.presence.streams.session.DeviceState;
import io.presence.streams.session.EventWatermark;
import io.presence.streams.session.GeneralStatus;
import io.presence.streams.session.Platform;
import io.presence.streams.session.SessionEvent;
import io.presence.streams.session.StatusFold;
import io.presence.streams.session.UserPresence;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class UserStatusStoreSerdeTest {

    private final UserStatusStoreSerde serde = new UserStatusStoreSerde();

    @Test
    void aStateWithDevicesWatermarksAndTombstonesSurvivesTheRoundTrip() {
        UserPresence state = busyUser();

        UserPresence decoded = serde.deserialize("any", serde.serialize("any", state));

        assertThat(decoded).isEqualTo(state);
        assertThat(decoded.applied().devices()).containsKeys("phone", "tablet");
    }

    @Test
    void aUserNeverSeenSurvivesTheRoundTrip() {
        UserPresence unknown = UserPresence.unknown("bob");

        assertThat(serde.deserialize("any", serde.serialize("any", unknown))).isEqualTo(unknown);
    }

    @Test
    void theBytesAreAvroOfTheCheckedInSchema() throws IOException {
        UserPresence state = busyUser();
        byte[] bytes = serde.serialize("any", state);

        Schema schema = storeSchema();
        GenericRecord record = new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null));

        assertThat(bytes[0]).isEqualTo(UserStatusStoreSerde.FORMAT_VERSION);
        assertThat(record.get("userId").toString()).isEqualTo("alice");
        assertThat(record.get("customStatus").toString()).isEqualTo("Listening to music");
        assertThat(record.get("version")).isEqualTo(state.version());
        assertThat((List<?>) record.get("devices")).hasSize(2);
        assertThat((List<?>) record.get("deviceWatermarks")).hasSize(state.applied().devices().size());
    }

    @Test
    void theSchemaEnumsListTheDomainConstantsInOrder() throws IOException {
        // the serde writes ordinals: reordering a domain enum must fail here, not corrupt stores
        Schema schema = storeSchema();
        Schema device = schema.getField("devices").schema().getElementType();
        assertThat(schema.getField("status").schema().getEnumSymbols()).isEqualTo(names(GeneralStatus.values()));
        assertThat(device.getField("platform").schema().getEnumSymbols()).isEqualTo(names(Platform.values()));
        assertThat(device.getField("state").schema().getEnumSymbols()).isEqualTo(names(DeviceState.values()));
    }

    @Test
    void equalStatesAreEqualBytesWhateverOrderTheirSetsIterateIn() {
        UserPresence state = busyUser();
        Map<String, EventWatermark> reversed = new LinkedHashMap<>();
        state.applied().devices().keySet().stream().sorted(Comparator.reverseOrder())
                .forEach(device -> reversed.put(device, state.applied().devices().get(device)));
        EventWatermark twoIds = new EventWatermark(5_000, new LinkedHashSet<>(List.of("z-second", "a-first")));
        UserPresence one = withApplied(state, new AppliedEvents(state.applied().devices(), twoIds));
        UserPresence other = withApplied(state, new AppliedEvents(reversed,
                new EventWatermark(5_000, new LinkedHashSet<>(List.of("a-first", "z-second")))));

        assertThat(one).isEqualTo(other);
        assertThat(serde.serialize("any", one)).isEqualTo(serde.serialize("any", other));
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        byte[] bytes = serde.serialize("any", UserPresence.unknown("bob"));
        bytes[0] = 9;

        assertThatThrownBy(() -> serde.deserialize("any", bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("format version 9");
    }

    private static UserPresence busyUser() {
        UserPresence state = UserPresence.unknown("alice");
        List<SessionEvent> events = List.of(
                new SessionEvent.Login("e1", 1_000, "gw", "alice", "phone", "c1", Platform.IOS),
                new SessionEvent.Login("e2", 1_000, "gw", "alice", "tablet", "c2", Platform.ANDROID),
                new SessionEvent.Login("e3", 1_500, "gw", "alice", "laptop", "c3", Platform.MAC),
                new SessionEvent.Logout("e4", 1_600, "gw", "alice", "laptop"),
                new SessionEvent.SetCustomStatus("e5", 2_000, "ingest", "alice", "Listening to music"),
                new SessionEvent.Disconnect("e6", 3_000, "gw", "alice", "tablet", "c2"),
                new SessionEvent.Heartbeat("e7", 4_000, "gw", "alice", "phone", "c1"));
        for (SessionEvent event : events) {
            state = StatusFold.evolve(state, event).state();
        }
        assertThat(state.applied().devices()).containsKey("laptop");
        assertThat(state.applied().customStatus()).isNotEqualTo(EventWatermark.NONE);
        return state;
    }

    private static UserPresence withApplied(UserPresence s, AppliedEvents applied) {
        return new UserPresence(s.userId(), s.status(), s.customStatus(), s.version(), s.lastChangedAt(), s.lastSeenAt(),
                s.devices(), applied);
    }

    private static Schema storeSchema() throws IOException {
        try (InputStream in = UserStatusStoreSerde.class.getResourceAsStream("/store/user-presence-v1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
