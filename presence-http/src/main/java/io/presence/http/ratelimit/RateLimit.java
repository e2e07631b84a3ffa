package io.presence.http.ratelimit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * "At most {@code calls} in any {@code window}" per caller (SPEC §5 R-QRY-3: 20 per 5 s; every
 * rate limit of the system alike).
 *
 * @param maxTrackedCallers bound on the callers remembered at once; past it the least recently
 *                          seen caller is forgotten (and could start a fresh window early)
 */
public record RateLimit(int calls, Duration window, long maxTrackedCallers) {

    private static final String CALLS = "presence.rate-limit.calls";
    private static final String WINDOW = "presence.rate-limit.window";
    private static final String MAX_TRACKED = "presence.rate-limit.max-tracked-callers";

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
        // full paths, so that a refusal names the whole key (presence-schemas' CheckedConfig is not visible here)
        int calls = config.getInt(CALLS);
        Duration window = config.getDuration(WINDOW);
        long maxTracked = config.getLong(MAX_TRACKED);
        if (calls < 1) {
            throw badValue(config, CALLS, "must be at least 1, was " + calls);
        }
        if (window.isZero() || window.isNegative()) {
            throw badValue(config, WINDOW, "must be positive, was " + config.getValue(WINDOW).unwrapped());
        }
        if (maxTracked < 1) {
            throw badValue(config, MAX_TRACKED, "must be at least 1, was " + maxTracked);
        }
        return new RateLimit(calls, window, maxTracked);
    }

    private static ConfigException badValue(Config config, String path, String message) {
        return new ConfigException.BadValue(config.getValue(path).origin(), path, message);
    }

    /** For messages: "20 calls per 5 s". */
    public String describe() {
        long millis = window.toMillis();
        String span = millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
        return calls + " calls per " + span;
    }
}
