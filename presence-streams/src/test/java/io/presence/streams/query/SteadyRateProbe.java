package io.presence.streams.query;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends calls at a fixed rate and records each one's latency from the moment it was <em>due</em>,
 * not the moment it went out: when the service falls behind, the wait counts (no coordinated
 * omission). Calls overlap; at most {@code maxInFlight} at once, past which the schedule waits —
 * and the lateness shows in the latencies.
 */
final class SteadyRateProbe {

    /** The outcome of one probe run. */
    record Outcome(Histogram latencyMicros, long ok, long failed, Duration elapsed) {

        double callsPerSecond() {
            return ok / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private final double perSecond;
    private final Duration duration;
    private final int maxInFlight;

    SteadyRateProbe(double perSecond, Duration duration, int maxInFlight) {
        this.perSecond = perSecond;
        this.duration = duration;
        this.maxInFlight = maxInFlight;
    }

    /**
     * @param call the i-th call, completing with whether its answer was right; it must not throw
     */
    Outcome run(LongFunction<CompletableFuture<Boolean>> call) throws InterruptedException {
        Recorder latencies = new Recorder(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long intervalNanos = (long) (1e9 / perSecond);
        long calls = (long) (perSecond * duration.toNanos() / 1e9);
        long start = System.nanoTime();
        for (long i = 0; i < calls; i++) {
            long due = start + i * intervalNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            call.apply(i).whenComplete((right, failure) -> {
                latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                (failure == null && right ? ok : failed).incrementAndGet();
                inFlight.release();
            });
        }
        inFlight.acquire(maxInFlight);
        return new Outcome(latencies.getIntervalHistogram(), ok.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start));
    }
}
