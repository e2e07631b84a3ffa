package io.presence.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-27T18:00:00Z");

    @Test
    void secondsAreADelay() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheTimeToWaitUntil() {
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 18:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 17:59:00 GMT", NOW)).as("already past").isEqualTo(Duration.ZERO);
    }

    @Test
    void nothingOrNonsenseIsNoRequest() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("", NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
    }
}
