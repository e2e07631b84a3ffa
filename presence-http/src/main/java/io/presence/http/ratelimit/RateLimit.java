package io.presence.http.ratelimit;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * "At most {@code calls} in any {@code window}" per caller (SPEC §5 R-QRY-3: 20 per 5 s; every
 * rate limit of the system alike).
 *
 * @param maxTrackedCallers bound on the callers remembered at once; past it the least recently
 *                          seen caller is forgotten (and could start a fresh window early)
 */
public record RateLimit(int calls, Duration window, long maxTrackedCallers) {

    public RateLimit {
        if (calls < 1) {
            throw new IllegalArgumentException("rate limit calls must be >= 1, was " + calls);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("rate limit window must be positive, was " + window);
        }
        if (maxTrackedCallers < 1) {
            throw new IllegalArgumentException("rate limit max-tracked-callers must be >= 1, was " + maxTrackedCallers);
        }
    }

    /** From {@code presence.rate-limit.*} (defaults in presence-http's reference.conf). */
    public static RateLimit fromConfig(Config config) {
        Config c = config.getConfig("presence.rate-limit");
        return new RateLimit(c.getInt("calls"), c.getDuration("window"), c.getLong("max-tracked-callers"));
    }

    /** For messages: "20 calls per 5 s". */
    public String describe() {
        long millis = window.toMillis();
        String span = millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
        return calls + " calls per " + span;
    }
}
