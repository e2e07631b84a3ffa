package io.presence.streams.timeout;

import java.time.Duration;

/**
 * How the timeout detector runs.
 *
 * @param tick              wall-clock interval between scans; expiry latency is at most this plus
 *                          one commit interval in steady state
 * @param maxEntriesPerTick cap on due entries handled per task and tick, so a burst (after a
 *                          failover) cannot stall the stream thread or outgrow a transaction
 * @param maxInputLag       the replay guard: while the task's input is more records behind than
 *                          this, the detector holds back
 */
public record DetectorSettings(Duration tick, int maxEntriesPerTick, long maxInputLag) {

    public DetectorSettings {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("detector tick must be positive, was " + tick);
        }
        if (maxEntriesPerTick < 1) {
            throw new IllegalArgumentException("detector max entries per tick must be >= 1, was " + maxEntriesPerTick);
        }
        if (maxInputLag < 0) {
            throw new IllegalArgumentException("detector max input lag must be >= 0, was " + maxInputLag);
        }
    }

    public static DetectorSettings defaults() {
        return new DetectorSettings(Duration.ofMillis(250), 10_000, 10_000);
    }
}
