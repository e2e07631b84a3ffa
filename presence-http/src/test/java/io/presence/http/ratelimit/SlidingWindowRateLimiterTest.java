package io.presence.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.http.ApiError;
import io.presence.http.ApiException;
import io.presence.http.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SlidingWindowRateLimiter limiter =
            new SlidingWindowRateLimiter(new RateLimit(20, Duration.ofSeconds(5), 1000), clock);

    @Test
    void R_QRY_3_theTwentyFirstCallInsideFiveSecondsIsRefused() {
        callTimes("alice", 20);
        assertThatThrownBy(() -> limiter.acquire("alice"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo(ApiError.RATE_LIMITED);
                    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(5));
                });
    }

    @Test
    void R_QRY_3_noWindowBoundaryAdmitsMoreThanTwentyInAnyFiveSeconds() {
        // 20 calls at the very end of a 5 s period: a fixed-window limiter would admit 20 more right after it
        clock.advance(Duration.ofMillis(4900));
        callTimes("alice", 20);
        clock.advance(Duration.ofMillis(200));
        assertThatThrownBy(() -> limiter.acquire("alice")).isInstanceOf(ApiException.class);

        // the oldest call leaves the window exactly 5 s after it was made
        clock.advance(Duration.ofMillis(4799));
        assertThatThrownBy(() -> limiter.acquire("alice"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofMillis(1)));
        clock.advance(Duration.ofMillis(1));
        assertThatCode(() -> limiter.acquire("alice")).doesNotThrowAnyException();
    }

    @Test
    void R_QRY_3_callsSpreadOverTheWindowFreeOneSlotAtATime() {
        for (int i = 0; i < 20; i++) {
            limiter.acquire("alice");
            clock.advance(Duration.ofMillis(100));
        }
        // now = 2.0 s; the first call (t=0) leaves at 5.0 s, the second (t=0.1) at 5.1 s
        clock.advance(Duration.ofMillis(3000));
        limiter.acquire("alice");
        assertThatThrownBy(() -> limiter.acquire("alice"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofMillis(100)));
    }

    @Test
    void refusedCallsDoNotCount() {
        callTimes("alice", 20);
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> limiter.acquire("alice")).isInstanceOf(ApiException.class);
        }
        clock.advance(Duration.ofSeconds(5));
        callTimes("alice", 20);
    }

    @Test
    void callersAreLimitedIndependently() {
        callTimes("alice", 20);
        assertThatCode(() -> callTimes("bob", 20)).doesNotThrowAnyException();
    }

    @Test
    void memoryIsBoundedByTheTrackedCallerLimit() {
        SlidingWindowRateLimiter small = new SlidingWindowRateLimiter(new RateLimit(1, Duration.ofSeconds(5), 10), clock);
        for (int i = 0; i < 10_000; i++) {
            small.acquire("caller-" + i);
        }
        // Caffeine evicts asynchronously; what matters is that the log count stays near the bound, not at 10 000
        assertThat(small.trackedCallers()).isLessThanOrEqualTo(10);
    }

    private void callTimes(String caller, int n) {
        for (int i = 0; i < n; i++) {
            limiter.acquire(caller);
        }
    }
}
