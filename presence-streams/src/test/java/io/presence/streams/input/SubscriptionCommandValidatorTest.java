package io.presence.streams.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.SubscriptionCommandType;
import io.presence.streams.topology.PresenceCommands;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionCommandValidatorTest {

    private final PresenceCommands ingest = new PresenceCommands();

    @Test
    void wellFormedCommandsOfEveryTypeAreValid() {
        assertThat(SubscriptionCommandValidator.problemWith("sam", ingest.subscribe("sam", 1, "a", "b"))).isEmpty();
        assertThat(SubscriptionCommandValidator.problemWith("sam", ingest.unsubscribe("sam", 1, "a"))).isEmpty();
        assertThat(SubscriptionCommandValidator.problemWith("sam", ingest.unsubscribe("sam", 1))).as("R-SUB-3: clears all").isEmpty();
        assertThat(SubscriptionCommandValidator.problemWith("sam", ingest.clear("sam", 1))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(SubscriptionCommandValidator.problemWith("sam", null)).hasValueSatisfying(p -> assertThat(p).contains("tombstone"));
        assertThat(SubscriptionCommandValidator.problemWith("sam", ingest.subscribe("sam", 0, "a")))
                .hasValueSatisfying(p -> assertThat(p).contains("timestamp"));
        assertThat(SubscriptionCommandValidator.problemWith("sa m", ingest.subscribe("sa m", 1, "a")))
                .hasValueSatisfying(p -> assertThat(p).contains("subscriberId"));
        assertThat(SubscriptionCommandValidator.problemWith("kim", ingest.subscribe("sam", 1, "a")))
                .hasValueSatisfying(p -> assertThat(p).contains("key"));
        assertThat(SubscriptionCommandValidator.problemWith("sam", ingest.subscribe("sam", 1, "a", "x".repeat(65))))
                .hasValueSatisfying(p -> assertThat(p).contains("targetIds[1]"));
        assertThat(SubscriptionCommandValidator.problemWith("sam", ingest.unsubscribe("sam", 1, "sam")))
                .hasValueSatisfying(p -> assertThat(p).contains("itself"));
        assertThat(SubscriptionCommandValidator.problemWith("sam",
                ingest.command(SubscriptionCommandType.CLEAR, "sam", 1, List.of("a"))))
                .hasValueSatisfying(p -> assertThat(p).contains("CLEAR"));
    }
}
