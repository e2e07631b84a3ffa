package io.presence.bench.e2e;

import io.presence.bench.report.LatencySummary;
import java.time.Duration;
import java.util.BitSet;
import org.HdrHistogram.Histogram;

/**
 * The latencies of one phase: each tick's due time is noted as it is sent; each arriving frame of
 * the phase is matched to its event by user and version and timed from its tick's due time (no
 * coordinated omission: a late send counts against the frames it carries). Counts what does not
 * fit — a second frame of the same change, a frame whose status is not the one the plan expects (an
 * event the fold did not apply shifts every later version), frames of other phases.
 */
final class LatencyWindow implements FrameSink {

    /** What arrived, once the phase is over. */
    record Counts(long expected, long received, long duplicates, long unexpectedStatus, long outside) {

        long missing() {
            return expected - received;
        }
    }

    private final Phase phase;
    private final long[] dueByTick;
    private final BitSet seen;
    private final long[] arrivals;
    private final Histogram micros = LatencySummary.newMicrosHistogram();
    private long received;
    private long duplicates;
    private long unexpectedStatus;
    private long outside;

    LatencyWindow(Phase phase) {
        this.phase = phase;
        this.dueByTick = new long[Math.toIntExact(phase.ticks())];
        this.seen = new BitSet(Math.toIntExact(phase.events()));
        this.arrivals = new long[Math.toIntExact(phase.events())];
    }

    synchronized void sent(long tick, long dueNanos) {
        dueByTick[(int) tick] = dueNanos;
    }

    @Override
    public synchronized void frame(String userId, long version, String status, long arrivalNanos) {
        long index = phase.indexOf(phase.plan().userIndex(userId), version);
        if (index < 0) {
            outside++;
            return;
        }
        if (seen.get((int) index)) {
            duplicates++;
            return;
        }
        seen.set((int) index);
        arrivals[(int) index] = arrivalNanos;
        received++;
        if (status != null && !status.equals(ChangePlan.statusAfter(ChangePlan.change(version)))) {
            unexpectedStatus++;
        }
        long due = dueByTick[(int) phase.tickOf(index)];
        micros.recordValue(Math.max(0, arrivalNanos - due) / 1_000);
    }

    /** Waits until every event of the phase has its frame, or {@code timeout} passed; true if all came. */
    boolean awaitAll(Duration timeout) throws InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (this) {
                if (received >= phase.events()) {
                    return true;
                }
            }
            if (System.nanoTime() >= giveUp) {
                return false;
            }
            Thread.sleep(10);
        }
    }

    /**
     * For each event of the phase seen here and in {@code later}: how long after its arrival here it
     * arrived there — one stage's own latency, event by event, rather than the difference of two
     * percentiles that need not belong to the same events.
     */
    synchronized LatencySummary until(LatencyWindow later) {
        Histogram hop = LatencySummary.newMicrosHistogram();
        synchronized (later) {
            for (int index = seen.nextSetBit(0); index >= 0; index = seen.nextSetBit(index + 1)) {
                if (later.seen.get(index)) {
                    hop.recordValue(Math.max(0, later.arrivals[index] - arrivals[index]) / 1_000);
                }
            }
        }
        return LatencySummary.of(hop);
    }

    synchronized LatencySummary latency() {
        return LatencySummary.of(micros.copy());
    }

    synchronized Counts counts() {
        return new Counts(phase.events(), received, duplicates, unexpectedStatus, outside);
    }
}
