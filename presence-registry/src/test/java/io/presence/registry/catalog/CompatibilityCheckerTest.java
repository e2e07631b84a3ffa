package io.presence.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibilityCheckerTest {

    private static final Schema V1 = user("{\"name\":\"name\",\"type\":\"string\"}");
    private static final Schema AGE_DEFAULT = user("{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\",\"default\":0}");
    private static final Schema AGE_REQUIRED = user("{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}");
    private static final Schema NAME_REMOVED = user("{\"name\":\"nick\",\"type\":[\"null\",\"string\"],\"default\":null}");
    private static final Schema NAME_AS_INT = user("{\"name\":\"name\",\"type\":\"int\"}");

    private final CompatibilityChecker checker = new CompatibilityChecker();

    /** Each candidate against V1 alone: which levels accept it. */
    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            "AGE_DEFAULT,  BACKWARD, true", "AGE_DEFAULT,  FORWARD, true", "AGE_DEFAULT,  FULL, true",
            "AGE_REQUIRED, BACKWARD, false", "AGE_REQUIRED, FORWARD, true", "AGE_REQUIRED, FULL, false",
            "NAME_REMOVED, BACKWARD, true", "NAME_REMOVED, FORWARD, false", "NAME_REMOVED, FULL, false",
            "NAME_AS_INT,  BACKWARD, false", "NAME_AS_INT,  FORWARD, false", "NAME_AS_INT,  NONE, true"})
    void eachLevelChecksItsDirections(String candidate, CompatibilityLevel level, boolean compatible) {
        CompatibilityResult result = checker.check(schema(candidate), List.of(new VersionedSchema(1, V1)), level);

        assertThat(result.compatible()).isEqualTo(compatible);
        assertThat(result.messages().isEmpty()).isEqualTo(compatible);
    }

    @Test
    void nonTransitiveLevelsLookOnlyAtTheLatestVersion() {
        List<VersionedSchema> history = List.of(new VersionedSchema(1, V1), new VersionedSchema(2, AGE_DEFAULT));

        assertThat(checker.check(AGE_REQUIRED, history, CompatibilityLevel.BACKWARD).compatible()).isTrue();
        assertThat(checker.check(AGE_REQUIRED, history, CompatibilityLevel.BACKWARD_TRANSITIVE).compatible()).isFalse();
        assertThat(checker.check(AGE_REQUIRED, history, CompatibilityLevel.FULL_TRANSITIVE).compatible()).isFalse();
    }

    @Test
    void forwardTransitiveNeedsEveryOldReaderToCope() {
        // version 1 has no 'age'; version 2 reads 'age' with a default; the candidate drops 'name'
        List<VersionedSchema> history = List.of(new VersionedSchema(1, V1), new VersionedSchema(2, AGE_DEFAULT));

        assertThat(checker.check(NAME_REMOVED, history, CompatibilityLevel.FORWARD_TRANSITIVE).messages())
                .anySatisfy(m -> assertThat(m).startsWith("version 1 cannot read"))
                .anySatisfy(m -> assertThat(m).startsWith("version 2 cannot read"));
    }

    @Test
    void aFirstVersionIsAlwaysCompatible() {
        assertThat(checker.check(NAME_AS_INT, List.of(), CompatibilityLevel.FULL_TRANSITIVE).compatible()).isTrue();
    }

    @Test
    void messagesNameTheVersionTheProblemAndWhere() {
        CompatibilityResult result = checker.check(AGE_REQUIRED, List.of(new VersionedSchema(3, V1)), CompatibilityLevel.BACKWARD);

        assertThat(result.messages()).singleElement().asString()
                .contains("version 3").contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("/fields/1");
    }

    private static Schema schema(String name) {
        switch (name) {
            case "AGE_DEFAULT":
                return AGE_DEFAULT;
            case "AGE_REQUIRED":
                return AGE_REQUIRED;
            case "NAME_REMOVED":
                return NAME_REMOVED;
            default:
                return NAME_AS_INT;
        }
    }

    private static Schema user(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"User\",\"fields\":[" + fields + "]}");
    }
}
