package io.presence.registry.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.registry.catalog.CompatibilityLevel;
import io.presence.registry.catalog.RegistryRecord;
import io.presence.registry.catalog.RegistryRecord.GlobalLevelSet;
import io.presence.registry.catalog.RegistryRecord.SchemaAdded;
import io.presence.registry.catalog.RegistryRecord.SubjectLevelCleared;
import io.presence.registry.catalog.RegistryRecord.SubjectLevelSet;
import io.presence.registry.catalog.RegistryRecord.VersionPurged;
import io.presence.registry.catalog.RegistryRecord.VersionWritten;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The _schemas topic's bytes, without a broker. */
class RegistryRecordCodecTest {

    private final RegistryRecordCodec codec = new RegistryRecordCodec();

    static Stream<RegistryRecord> everyKindOfRecord() {
        return Stream.of(
                new SchemaAdded(7, "{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}"),
                new VersionWritten("presence.events-value", 2, 7, false),
                new VersionWritten("a \"quoted\"/subject é", 3, 7, true),
                new VersionPurged("presence.events-value", 2),
                new GlobalLevelSet(CompatibilityLevel.FULL_TRANSITIVE),
                new SubjectLevelSet("presence.events-value", CompatibilityLevel.NONE),
                new SubjectLevelCleared("presence.events-value"));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfRecord")
    void everyRecordSurvivesTheRoundTrip(RegistryRecord record) {
        RegistryRecordCodec.Encoded encoded = codec.encode(record);

        assertThat(codec.decode(encoded.key(), encoded.value())).isEqualTo(record);
    }

    @Test
    void theRecordsAreReadableJson() {
        RegistryRecordCodec.Encoded version = codec.encode(new VersionWritten("s", 2, 7, false));
        RegistryRecordCodec.Encoded global = codec.encode(new GlobalLevelSet(CompatibilityLevel.FULL));

        assertThat(text(version.key())).isEqualTo("{\"keytype\":\"VERSION\",\"subject\":\"s\",\"version\":2}");
        assertThat(text(version.value())).isEqualTo("{\"schemaId\":7,\"deleted\":false}");
        assertThat(text(global.key())).isEqualTo("{\"keytype\":\"CONFIG\"}");
        assertThat(text(global.value())).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }

    /** Compaction keeps the last record per key bytes, so a deletion must hit the very key it deletes. */
    @Test
    void deletionsAreTombstonesOnTheKeyTheyDelete() {
        RegistryRecordCodec.Encoded written = codec.encode(new VersionWritten("s", 2, 7, false));
        RegistryRecordCodec.Encoded purged = codec.encode(new VersionPurged("s", 2));
        RegistryRecordCodec.Encoded set = codec.encode(new SubjectLevelSet("s", CompatibilityLevel.FULL));
        RegistryRecordCodec.Encoded cleared = codec.encode(new SubjectLevelCleared("s"));

        assertThat(purged.key()).isEqualTo(written.key());
        assertThat(purged.value()).isNull();
        assertThat(cleared.key()).isEqualTo(set.key());
        assertThat(cleared.value()).isNull();
    }

    @Test
    void keysAreReadInAnyFieldOrder() {
        RegistryRecord decoded = codec.decode(bytes("{\"version\":2,\"subject\":\"s\",\"keytype\":\"VERSION\"}"),
                bytes("{\"deleted\":true,\"schemaId\":7}"));

        assertThat(decoded).isEqualTo(new VersionWritten("s", 2, 7, true));
    }

    @Test
    void whatWeDidNotWriteIsRejectedWithTheReason() {
        assertThatThrownBy(() -> codec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOOP");
        assertThatThrownBy(() -> codec.decode(bytes("not json"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key is not JSON");
        assertThatThrownBy(() -> codec.decode(bytes("{\"keytype\":\"SCHEMA\",\"id\":1}"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tombstone");
        assertThatThrownBy(() -> codec.decode(bytes("{\"keytype\":\"VERSION\",\"subject\":\"s\",\"version\":\"2\"}"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'version'");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
