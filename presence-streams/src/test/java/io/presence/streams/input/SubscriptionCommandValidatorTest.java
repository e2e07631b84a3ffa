package io.presence.streams.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.SubscriptionCommand;
import io.presence.avro.SubscriptionCommandType;
import io.presence.streams.topology.PresenceCommands;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionCommandValidatorTest {

    private final PresenceCommands ingest = new PresenceCommands();

    @Test
    void wellFormedCommandsOfEveryTypeAreValid() {
        assertThat(problemWith("sam", ingest.subscribe("sam", 1, "a", "b"))).isEmpty();
        assertThat(problemWith("sam", ingest.unsubscribe("sam", 1, "a"))).isEmpty();
        assertThat(problemWith("sam", ingest.unsubscribe("sam", 1))).as("R-SUB-3: clears all").isEmpty();
        assertThat(problemWith("sam", ingest.clear("sam", 1))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(problemWith("sam", null)).hasValueSatisfying(p -> assertThat(p).contains("tombstone"));
        assertThat(problemWith("sam", ingest.subscribe("sam", 0, "a")))
                .hasValueSatisfying(p -> assertThat(p).contains("timestamp"));
        assertThat(problemWith("sa m", ingest.subscribe("sa m", 1, "a")))
                .hasValueSatisfying(p -> assertThat(p).contains("subscriberId"));
        assertThat(problemWith("kim", ingest.subscribe("sam", 1, "a")))
                .hasValueSatisfying(p -> assertThat(p).contains("key"));
        assertThat(problemWith("sam", ingest.subscribe("sam", 1, "a", "x".repeat(65))))
                .hasValueSatisfying(p -> assertThat(p).contains("targetIds[1]"));
        assertThat(problemWith("sam", ingest.unsubscribe("sam", 1, "sam")))
                .hasValueSatisfying(p -> assertThat(p).contains("itself"));
        assertThat(problemWith("sam",
                ingest.command(SubscriptionCommandType.CLEAR, "sam", 1, List.of("a"))))
                .hasValueSatisfying(p -> assertThat(p).contains("CLEAR"));
    }

    /** As the gate judges a record written when its command happened. */
    private static Optional<String> problemWith(String key, SubscriptionCommand command) {
        return SubscriptionCommandValidator.problemWith(key, command, command == null ? 0 : command.getTimestamp().toEpochMilli());
    }
}
