package io.presence.streams.fanout;

import java.time.Duration;

/**
 * How the notification fan-out runs.
 *
 * @param friendsNotified      R-FRD-1, {@code presence.features.friend-auto-notify}: friends are told of
 *                             every change without subscribing
 * @param tick                 wall-clock interval between turns that continue unfinished fan-outs
 * @param maxRecipientsPerTurn notifications per task and turn, and per task and tick for changes fanned
 *                             out at once: bounds the work between two commits, so no transaction carries a
 *                             100 000-recipient fan-out and timers on the same thread keep their pace
 */
public record FanoutSettings(boolean friendsNotified, Duration tick, int maxRecipientsPerTurn) {

    public FanoutSettings {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("fan-out tick must be positive, was " + tick);
        }
        if (maxRecipientsPerTurn < 1) {
            throw new IllegalArgumentException("fan-out max recipients per turn must be >= 1, was " + maxRecipientsPerTurn);
        }
    }

    public static FanoutSettings defaults() {
        return new FanoutSettings(true, Duration.ofMillis(20), 10_000);
    }
}
