package io.presence.streams.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.streams.session.DeviceState;
import io.presence.streams.session.EventWatermark;
import io.presence.streams.session.GeneralStatus;
import io.presence.streams.session.Platform;
import io.presence.streams.session.PresenceParts;
import io.presence.streams.session.StatusRecord;
import io.presence.streams.session.UserLiveness;
import io.presence.streams.session.UserPresence;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class UserStatusStoreSerdeTest {

    private final UserStatusStoreSerde serde = new UserStatusStoreSerde();

    @Test
    void aRecordWithDevicesInEveryStateSurvivesTheRoundTrip() {
        StatusRecord record = PresenceParts.split(busyUser()).record();

        StoredStatus decoded = serde.deserialize("any", serde.serialize("any", StoredStatus.of(record)));

        assertThat(decoded).isEqualTo(StoredStatus.of(record));
        assertThat(decoded.carriedLiveness()).isEqualTo(UserLiveness.NONE);
    }

    @Test
    void aUserNeverSeenSurvivesTheRoundTrip() {
        StoredStatus unknown = StoredStatus.of(PresenceParts.split(UserPresence.unknown("bob")).record());

        assertThat(serde.deserialize("any", serde.serialize("any", unknown))).isEqualTo(unknown);
    }

    @Test
    void aValueOfTheFormerWholeStateFormatIsReadAsTheRecordCarryingItsLiveness() {
        StoredStatus stored = serde.deserialize("any", FormatOneValues.ALICE);

        assertThat(new PresenceParts(stored.record(), stored.carriedLiveness()).merged()).isEqualTo(busyUser());
    }

    @Test
    void theRecordIsSmallerThanTheWholeStateWas() {
        byte[] record = serde.serialize("any", StoredStatus.of(PresenceParts.split(busyUser()).record()));

        // no heartbeats, no device watermarks: they are in user-liveness
        assertThat(record).hasSizeLessThan(FormatOneValues.ALICE.length);
    }

    @Test
    void aValueCarryingALivenessIsNotWrittenWithoutIt() {
        StoredStatus formatOne = serde.deserialize("any", FormatOneValues.ALICE);

        assertThatThrownBy(() -> serde.serialize("any", formatOne)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carry no liveness");
    }

    @Test
    void theBytesAreAvroOfTheCheckedInSchemas() throws IOException {
        StatusRecord record = PresenceParts.split(busyUser()).record();
        byte[] bytes = serde.serialize("any", StoredStatus.of(record));

        GenericRecord written = read(bytes, storeSchema(2));
        GenericRecord formatOne = read(FormatOneValues.ALICE, storeSchema(1));

        assertThat(bytes[0]).isEqualTo(UserStatusStoreSerde.FORMAT_VERSION);
        assertThat(written.get("userId").toString()).isEqualTo("alice");
        assertThat(written.get("customStatus").toString()).isEqualTo("Listening to music");
        assertThat(written.get("version")).isEqualTo(record.version());
        assertThat((List<?>) written.get("devices")).hasSize(2);
        assertThat(FormatOneValues.ALICE[0]).isEqualTo(UserStatusStoreSerde.FORMAT_WHOLE_STATE);
        assertThat((List<?>) formatOne.get("deviceWatermarks")).hasSize(3);
    }

    @Test
    void theSchemaEnumsListTheDomainConstantsInOrder() throws IOException {
        // the serde writes ordinals: reordering a domain enum must fail here, not corrupt stores
        for (int format : new int[] {1, 2}) {
            Schema schema = storeSchema(format);
            Schema device = schema.getField("devices").schema().getElementType();
            assertThat(schema.getField("status").schema().getEnumSymbols()).isEqualTo(names(GeneralStatus.values()));
            assertThat(device.getField("platform").schema().getEnumSymbols()).isEqualTo(names(Platform.values()));
            assertThat(device.getField("state").schema().getEnumSymbols()).isEqualTo(names(DeviceState.values()));
        }
    }

    @Test
    void equalRecordsAreEqualBytesWhateverOrderTheirSetsIterateIn() {
        StatusRecord record = PresenceParts.split(busyUser()).record();
        StatusRecord one = withCustomStatusApplied(record,
                new EventWatermark(5_000, new LinkedHashSet<>(List.of("z-second", "a-first"))));
        StatusRecord other = withCustomStatusApplied(record,
                new EventWatermark(5_000, new LinkedHashSet<>(List.of("a-first", "z-second"))));

        assertThat(one).isEqualTo(other);
        assertThat(serde.serialize("any", StoredStatus.of(one))).isEqualTo(serde.serialize("any", StoredStatus.of(other)));
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        byte[] bytes = serde.serialize("any", StoredStatus.of(PresenceParts.split(UserPresence.unknown("bob")).record()));
        bytes[0] = 9;

        assertThatThrownBy(() -> serde.deserialize("any", bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("format version 9");
    }

    private static UserPresence busyUser() {
        UserPresence state = FormatOneValues.alice();
        assertThat(state.applied().devices()).containsKey("laptop");
        assertThat(state.applied().customStatus()).isNotEqualTo(EventWatermark.NONE);
        return state;
    }

    private static StatusRecord withCustomStatusApplied(StatusRecord r, EventWatermark applied) {
        return new StatusRecord(r.userId(), r.status(), r.customStatus(), r.version(), r.lastChangedAt(), r.lastSeenAt(),
                r.devices(), applied);
    }

    private static GenericRecord read(byte[] bytes, Schema schema) throws IOException {
        return new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null));
    }

    private static Schema storeSchema(int format) throws IOException {
        try (InputStream in = UserStatusStoreSerde.class.getResourceAsStream("/store/user-presence-v" + format + ".avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
