package io.presence.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.registry.catalog.RegistryRecord.GlobalLevelSet;
import io.presence.registry.catalog.RegistryRecord.SchemaAdded;
import io.presence.registry.catalog.RegistryRecord.SubjectLevelCleared;
import io.presence.registry.catalog.RegistryRecord.SubjectLevelSet;
import io.presence.registry.catalog.RegistryRecord.VersionPurged;
import io.presence.registry.catalog.RegistryRecord.VersionWritten;
import io.presence.registry.log.RegistryRecordCodec;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaCatalogTest {

    private static final String A = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}";
    private static final String B = "{\"type\":\"record\",\"name\":\"B\",\"fields\":[]}";
    private static final String C = "{\"type\":\"record\",\"name\":\"C\",\"fields\":[]}";

    /** A history with overwritten keys and tombstones: what a compacted _schemas topic shrinks. */
    private static final List<RegistryRecord> HISTORY = List.of(
            new SchemaAdded(1, A),
            new VersionWritten("s", 1, 1, false),
            new SchemaAdded(2, B),
            new VersionWritten("s", 2, 2, false),
            new SubjectLevelSet("s", CompatibilityLevel.FULL),
            new VersionWritten("t", 1, 2, false),
            new VersionWritten("s", 1, 1, true),
            new VersionWritten("t", 1, 2, true),
            new VersionPurged("t", 1),
            new SubjectLevelSet("t", CompatibilityLevel.NONE),
            new SubjectLevelCleared("t"),
            new GlobalLevelSet(CompatibilityLevel.FORWARD),
            new SchemaAdded(3, C),
            new VersionWritten("u", 1, 3, false));

    @Test
    void foldingTheCompactedLogGivesTheSameCatalogAsFoldingEverything() {
        SchemaCatalog full = fold(HISTORY);
        SchemaCatalog compacted = fold(compact(HISTORY));

        for (SchemaCatalog catalog : List.of(full, compacted)) {
            assertThat(catalog.subjectNames(true)).containsExactly("s", "u");
            assertThat(catalog.versionNumbers("s", true)).containsExactly(1, 2);
            assertThat(catalog.versionNumbers("s", false)).containsExactly(2);
            assertThat(catalog.effectiveLevel("s")).isEqualTo(CompatibilityLevel.FULL);
            assertThat(catalog.effectiveLevel("t")).isEqualTo(CompatibilityLevel.FORWARD);
            assertThat(catalog.subject("t")).isEmpty();
            assertThat(catalog.schemaById(2).text()).isEqualTo(B);
            assertThat(catalog.nextId()).isEqualTo(4);
        }
    }

    @Test
    void aVersionNeedsItsSchemaIdToExist() {
        assertThatThrownBy(() -> SchemaCatalog.empty().apply(new VersionWritten("s", 1, 9, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("schema id 9");
    }

    @Test
    void idsKeepGrowingPastEveryId() {
        SchemaCatalog catalog = fold(List.of(new SchemaAdded(7, A), new SchemaAdded(3, B)));

        assertThat(catalog.nextId()).isEqualTo(8);
        assertThat(catalog.idOf(CanonicalSchema.parse(A))).contains(7);
    }

    private static SchemaCatalog fold(List<RegistryRecord> records) {
        SchemaCatalog catalog = SchemaCatalog.empty();
        for (RegistryRecord record : records) {
            catalog = catalog.apply(record);
        }
        return catalog;
    }

    /** Kafka's compaction, fully done: the last record per key, tombstones dropped, offsets' order kept. */
    private static List<RegistryRecord> compact(List<RegistryRecord> records) {
        RegistryRecordCodec codec = new RegistryRecordCodec();
        Map<ByteBuffer, Integer> lastIndexByKey = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            lastIndexByKey.put(ByteBuffer.wrap(codec.encode(records.get(i)).key()), i);
        }
        return lastIndexByKey.values().stream().sorted()
                .map(records::get)
                .filter(r -> codec.encode(r).value() != null)
                .toList();
    }
}
