package io.presence.streams.query.routing;

import java.time.Duration;

/**
 * How a batch of keys is routed to the instances that hold them.
 *
 * @param peerTimeout    bound on one internal call to another instance; past it, that call's keys go on
 *                       without it (retry, then a standby)
 * @param activeAttempts rounds that read from the active owner, each with fresh metadata (≥ 1)
 * @param retryBackoff   pause before the next round: a rebalance moves partitions in this order of time
 * @param standbyReads   whether a standby copy (possibly a little behind) answers keys no active could
 * @param failingPeerPause how long an instance that keeps failing is skipped before it is tried again
 */
public record RoutingSettings(Duration peerTimeout, int activeAttempts, Duration retryBackoff, boolean standbyReads,
                              Duration failingPeerPause) {

    public RoutingSettings {
        if (peerTimeout.isZero() || peerTimeout.isNegative()) {
            throw new IllegalArgumentException("peer timeout must be positive, was " + peerTimeout);
        }
        if (activeAttempts < 1) {
            throw new IllegalArgumentException("active attempts must be >= 1, was " + activeAttempts);
        }
        if (failingPeerPause.isZero() || failingPeerPause.isNegative()) {
            throw new IllegalArgumentException("failing peer pause must be positive, was " + failingPeerPause);
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retry backoff must not be negative, was " + retryBackoff);
        }
    }
}
