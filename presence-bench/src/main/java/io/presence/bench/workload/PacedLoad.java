package io.presence.bench.workload;

import io.presence.bench.report.LatencySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load at a fixed rate of batch calls. Each call's latency is measured from when it was
 * <em>due</em> to be sent, not from when it was sent, so a stall that delays later calls counts
 * against them too (no coordinated omission).
 */
public final class PacedLoad {

    /** The {@code k}-th call of a run, due at {@code dueNanos} (System.nanoTime); completes when the call is done. */
    @FunctionalInterface
    public interface PacedCall {
        CompletableFuture<?> start(long k, long dueNanos);
    }

    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final PacedCall call;

    public PacedLoad(PacedCall call) {
        this.call = call;
    }

    /** Makes the calls at {@code callsPerSecond} for {@code duration}; the latency of each, due to done. */
    public LatencySummary run(double callsPerSecond, Duration duration) {
        long periodNanos = (long) (1e9 / callsPerSecond);
        return run(periodNanos, Math.max(1, duration.toNanos() / periodNanos));
    }

    /** Makes {@code calls} calls, one every {@code periodNanos}; the latency of each, due to done. */
    public LatencySummary run(long periodNanos, long calls) {
        Duration duration = Duration.ofNanos(periodNanos * calls);
        Recorder latency = new Recorder(3);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        try {
            pacer.scheduleAtFixedRate(() -> {
                int k = next.getAndIncrement();
                if (k >= calls) {
                    return;
                }
                long due = start + k * periodNanos;
                CompletableFuture<?> done = call.start(k, due)
                        .whenComplete((n, error) -> latency.recordValue(Math.max(0, System.nanoTime() - due) / 1000));
                synchronized (pending) {
                    pending.add(done);
                }
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            awaitScheduled(next, calls, duration);
        } finally {
            pacer.shutdownNow();
        }
        CompletableFuture<?>[] all;
        synchronized (pending) {
            all = pending.toArray(CompletableFuture<?>[]::new);
        }
        CompletableFuture.allOf(all).orTimeout(DRAIN.toSeconds(), TimeUnit.SECONDS).join();
        return LatencySummary.of(latency.getIntervalHistogram());
    }

    private static void awaitScheduled(AtomicInteger next, long calls, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos() + DRAIN.toNanos();
        while (next.get() < calls && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing", e);
            }
        }
    }
}
