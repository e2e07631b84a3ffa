package io.presence.bench.measure;

import io.presence.bench.report.LatencySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load at a fixed rate of calls. Each call's latency is measured from when it was
 * <em>due</em> to be made, not from when it was made, so a stall that delays later calls counts
 * against them too (no coordinated omission). Calls overlap freely: a slow answer never holds the
 * schedule back.
 */
public final class PacedLoad {

    /**
     * How a run went. A failed call's latency is recorded too (its wait was real); {@code firstFailure}
     * is null when none failed.
     */
    public record Outcome(LatencySummary latency, long calls, long failed, Throwable firstFailure) {

        /** The latencies, provided every call succeeded; otherwise fails with the first failure. */
        public LatencySummary latencyIfAllSucceeded() {
            if (failed > 0) {
                throw new IllegalStateException(failed + " of " + calls + " calls failed; the first: " + firstFailure, firstFailure);
            }
            return latency;
        }
    }

    /**
     * Makes the {@code k}-th call (k = 0, 1, …), due at {@code dueNanos} ({@code System.nanoTime}),
     * always on the same pacing thread; completes when answered.
     */
    @FunctionalInterface
    public interface PacedCall {
        CompletableFuture<?> start(int k, long dueNanos);
    }

    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final PacedCall call;

    public PacedLoad(PacedCall call) {
        this.call = call;
    }

    /** Makes calls at {@code callsPerSecond} for {@code duration}, then waits for the last answers. */
    public Outcome run(double callsPerSecond, Duration duration) {
        long periodNanos = (long) (1e9 / callsPerSecond);
        return run(periodNanos, Math.max(1, duration.toNanos() / periodNanos));
    }

    /** Makes {@code calls} calls, one every {@code periodNanos}, then waits for the last answers. */
    public Outcome run(long periodNanos, long calls) {
        Duration duration = Duration.ofNanos(periodNanos * calls);
        Recorder latency = new Recorder(3);
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
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
                CompletableFuture<?> done = startCall(k, due).whenComplete((answer, error) -> {
                    latency.recordValue(Math.max(0, System.nanoTime() - due) / 1000);
                    if (error != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, error);
                    }
                });
                synchronized (pending) {
                    pending.add(done);
                }
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            awaitScheduled(next, calls, duration);
        } finally {
            stop(pacer);
        }
        awaitAnswers(pending);
        return new Outcome(LatencySummary.of(latency.getIntervalHistogram()), calls, failed.get(), firstFailure.get());
    }

    /**
     * Stops the schedule and waits for a call being made to be registered: the last one may have
     * taken its number but not yet been added to those awaited. No interrupt, so that call is made whole.
     */
    private static void stop(ScheduledExecutorService pacer) {
        pacer.shutdown();
        try {
            if (!pacer.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("a call took over " + DRAIN.toSeconds() + " s to start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the schedule", e);
        }
    }

    /** A call that throws instead of returning a future fails like one that completes exceptionally. */
    private CompletableFuture<?> startCall(int k, long due) {
        try {
            return call.start(k, due);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void awaitAnswers(List<CompletableFuture<?>> pending) {
        CompletableFuture<?>[] all;
        synchronized (pending) {
            all = pending.toArray(CompletableFuture<?>[]::new);
        }
        try {
            // failures are counted per call; this only waits until every call has its answer
            CompletableFuture.allOf(all).handle((ignored, error) -> null).orTimeout(DRAIN.toSeconds(), TimeUnit.SECONDS).join();
        } catch (RuntimeException e) {
            throw new IllegalStateException("calls still unanswered " + DRAIN.toSeconds() + " s after the last was due", e);
        }
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
