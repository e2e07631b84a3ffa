package io.presence.http.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.presence.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Per-caller sliding-log rate limiter: at most {@code calls} admitted in ANY window of the given
 * length, so the call after the limit inside a window is refused with 42901 and a
 * {@code Retry-After} saying when the oldest call leaves the window.
 *
 * <p>Why not a fixed-window limiter (resilience4j) or a token bucket (Bucket4j, Guava): both admit
 * up to twice the limit across a window boundary (20 at the end of one period and 20 at the start
 * of the next), which breaks "any 5 s window"; a bucket small enough to avoid that refuses a burst of
 * 20 the SPEC allows. The exact rule needs each caller's last {@code calls} admission times.
 * Memory is bounded by Caffeine: an idle caller's log expires one window after its last call (by
 * then nothing in it can matter), and at most {@code maxTrackedCallers} logs are held.
 *
 * <p>Limits are per instance; callers are spread over instances by whatever routes requests.
 */
public final class SlidingWindowRateLimiter {

    private final RateLimit limit;
    private final InstantSource clock;
    private final Cache<String, CallLog> logs;

    public SlidingWindowRateLimiter(RateLimit limit, InstantSource clock) {
        this.limit = limit;
        this.clock = clock;
        this.logs = Caffeine.newBuilder()
                .maximumSize(limit.maxTrackedCallers())
                .expireAfterAccess(limit.window())
                .ticker(this::nowNanos)
                .build();
    }

    /** Admits one call of {@code callerId}, or throws 42901 with the time until one would be admitted. */
    public void acquire(String callerId) {
        long wait = logs.get(callerId, id -> new CallLog(limit.calls())).admit(nowNanos(), limit.window().toNanos());
        if (wait > 0) {
            throw ApiException.rateLimited("rate limit exceeded: at most " + limit.describe() + " per caller",
                    Duration.ofNanos(wait));
        }
    }

    /** How many callers' logs are held now (for a gauge, and to show the memory bound holds). */
    public long trackedCallers() {
        logs.cleanUp();
        return logs.estimatedSize();
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
