package io.presence.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.presence.notifier.delivery.PushResult;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wait before the next attempt: SPEC §9's backoff, raised to a receiver's Retry-After up to max-backoff. */
class WebhookBackoffTest {

    // SPEC §9's defaults: 500 ms doubling up to 30 s, ±50 % jitter
    private final IntervalBiFunction<PushResult> backoff = WebhookPush.backoff(new PushSettings(Optional.empty(), "", "",
            Duration.ofSeconds(5), 8, Duration.ofMillis(500), Duration.ofSeconds(30), 0.5, 256));

    @Test
    void withoutRetryAfterTheWaitIsExponentialWithJitter() {
        assertThat(waitAfter(1, PushResult.failed("HTTP 500"))).isBetween(250L, 750L);
        assertThat(waitAfter(3, PushResult.failed("HTTP 503"))).isBetween(1000L, 3000L);
        assertThat(backoff.apply(1, Either.left(new IOException("connection refused")))).isBetween(250L, 750L);
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsWaitedOut() {
        assertThat(waitAfter(1, PushResult.failed("HTTP 429", Duration.ofSeconds(10)))).isEqualTo(10_000L);
    }

    @Test
    void aRetryAfterShorterThanTheBackoffDoesNotShortenIt() {
        assertThat(waitAfter(3, PushResult.failed("HTTP 503", Duration.ZERO))).isBetween(1000L, 3000L);
    }

    @Test
    void aRetryAfterBeyondTheMaximumBackoffIsCappedThereSoTheBudgetHolds() {
        assertThat(waitAfter(1, PushResult.failed("HTTP 503", Duration.ofHours(1)))).isEqualTo(30_000L);
        Duration absurd = RetryAfter.parse("99999999999999999", java.time.Instant.now());
        assertThat(waitAfter(1, PushResult.failed("HTTP 503", absurd))).isEqualTo(30_000L);
    }

    private long waitAfter(int attempt, PushResult result) {
        return backoff.apply(attempt, Either.right(result));
    }
}
