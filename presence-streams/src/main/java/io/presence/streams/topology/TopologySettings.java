package io.presence.streams.topology;

import io.presence.streams.fanout.FanoutSettings;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.SessionTimeouts;
import java.time.Duration;

/**
 * The configuration the topology is built from: the rules' durations and how the timers and the
 * fan-out run.
 *
 * @param subscriptionRetention R-SUB-4: how long a subscriber may stay OFFLINE or UNLOGINED before
 *                              its list is cleared; swept like the detector ({@code detector})
 */
public record TopologySettings(SessionTimeouts timeouts, DetectorSettings detector, Duration subscriptionRetention,
                               FanoutSettings fanout) {

    /** The SPEC default of R-SUB-4. */
    public static final Duration DEFAULT_SUBSCRIPTION_RETENTION = Duration.ofHours(24);

    public TopologySettings {
        if (subscriptionRetention.isNegative() || subscriptionRetention.isZero()) {
            throw new IllegalArgumentException("subscription retention must be positive, was " + subscriptionRetention);
        }
    }

    /** Session rules and detector as given; subscriptions and fan-out as SPEC's defaults. */
    public TopologySettings(SessionTimeouts timeouts, DetectorSettings detector) {
        this(timeouts, detector, DEFAULT_SUBSCRIPTION_RETENTION, FanoutSettings.defaults());
    }

    public static TopologySettings defaults() {
        return new TopologySettings(SessionTimeouts.defaults(), DetectorSettings.defaults());
    }
}
