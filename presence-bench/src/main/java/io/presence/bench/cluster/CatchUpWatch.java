package io.presence.bench.cluster;

import io.presence.bench.report.BenchReport;
import io.presence.bench.report.ProgressTicker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Decides when a consumer group has caught up with a topic: every partition's committed offset
 * has reached the log end taken when loading finished. Committed offsets are what survives a
 * crash, so under exactly-once this is the moment the whole input is processed <em>and</em> its
 * results committed; it is read from outside through the Admin API, the same way for a Kafka
 * Streams application and a plain consumer. Resolution is the poll interval (plus the
 * application's commit interval, which the contenders share).
 */
public final class CatchUpWatch {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final OffsetsReader offsets;
    private final PartitionOffsets start;
    private final PartitionOffsets end;
    private final BenchReport report;

    public CatchUpWatch(OffsetsReader offsets, PartitionOffsets start, PartitionOffsets end, BenchReport report) {
        this.offsets = offsets;
        this.start = start;
        this.end = end;
        this.report = report;
    }

    /**
     * Blocks until {@code groupId} has committed the log end on every partition and returns the
     * time it took from {@code startedAtNanos}. Fails as soon as {@code failure} names a reason
     * (the application died), or after {@code timeout}.
     */
    public Duration await(String groupId, long startedAtNanos, Duration timeout, Supplier<Optional<String>> failure) {
        long total = end.recordsSince(start);
        AtomicLong done = new AtomicLong();
        ProgressTicker progress = new ProgressTicker(PROGRESS_EVERY, () -> report.say("  %s: %,d / %,d records committed (%.0f%%)",
                groupId, done.get(), total, total == 0 ? 100.0 : 100.0 * done.get() / total));
        long firstCommit = -1;
        long doneAtFirstCommit = 0;
        try {
            while (true) {
                PartitionOffsets committed = offsets.committed(groupId);
                long now = System.nanoTime();
                if (end.reachedBy(committed, start)) {
                    reportCaughtUp(groupId, startedAtNanos, firstCommit < 0 ? now : firstCommit, now, total - doneAtFirstCommit);
                    return Duration.ofNanos(now - startedAtNanos);
                }
                done.set(end.progressOf(committed, start));
                if (firstCommit < 0 && done.get() > 0) {
                    firstCommit = now;
                    doneAtFirstCommit = done.get();
                }
                Optional<String> failed = failure.get();
                if (failed.isPresent()) {
                    throw new IllegalStateException(groupId + " stopped before catching up: " + failed.get());
                }
                if (Duration.ofNanos(now - startedAtNanos).compareTo(timeout) > 0) {
                    throw new IllegalStateException(groupId + " did not catch up within " + timeout + " (" + done.get()
                            + " of " + total + " records committed)");
                }
                sleep(POLL);
            }
        } finally {
            progress.close();
        }
    }

    // Start-up (group join, transactions, opening stores) is inside the measured time, as the issue
    // asks; on small runs it is a visible share, so the rate after the first commit is shown too.
    private void reportCaughtUp(String groupId, long started, long firstCommit, long now, long recordsAfterFirstCommit) {
        double afterFirst = (now - firstCommit) / 1e9;
        report.say("  %s: caught up after %.2f s; first commit after %.2f s, %,.0f records/s from there on", groupId,
                (now - started) / 1e9, (firstCommit - started) / 1e9, afterFirst == 0 ? 0 : recordsAfterFirstCommit / afterFirst);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for catch-up", e);
        }
    }
}
