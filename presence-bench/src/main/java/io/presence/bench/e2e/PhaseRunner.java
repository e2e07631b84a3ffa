package io.presence.bench.e2e;

import io.presence.bench.measure.BrokerRequestTimes;
import io.presence.bench.measure.GcPauses;
import io.presence.bench.measure.PacedLoad;
import io.presence.bench.report.LatencySummary;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Runs one phase against one contender, the same way for both: open-loop ticks (PacedLoad), each
 * tick's due time noted before its events are sent, every frame routed into the phase's window, then
 * a wait until every event has its frame. Frames that come after the wait go nowhere. A probe, where
 * given, times an intermediate stage of the same events into a window of its own.
 */
final class PhaseRunner {

    /**
     * What a phase measured. {@code probe}: the intermediate stage (empty without a probe); {@code afterProbe}: from the
     * probe's arrival to the frame's, per event (empty without a probe); {@code sends}: each tick, due
     * to durable; {@code cpu}: this JVM's CPU time during the phase, which holds the broker and, for the contender, the
     * services; {@code gc}: the same JVM's collections during the phase, each a pause of all of them at once;
     * {@code broker}: the requests of exactly-once commits a broker in this JVM handled during the phase (none with {@code --bootstrap}).
     */
    record Outcome(LatencySummary latency, LatencyWindow.Counts counts, LatencySummary probe, LatencySummary afterProbe,
                   LatencySummary sends, Duration cpu, GcPauses gc, BrokerRequestTimes broker, Duration took) {

        /** How long after the last tick's due time the phase's last frame came (or the drain gave up). */
        Duration drain(Phase phase) {
            return took.minus(TICK.multipliedBy(phase.ticks()));
        }

        /** CPU time per event sent, in microseconds: what the work costs, whether or not other processes held the cores. */
        double cpuMicrosPerEvent() {
            return counts.expected() == 0 ? 0 : cpu.toNanos() / 1_000.0 / counts.expected();
        }
    }

    static final Duration TICK = Duration.ofMillis(10);

    private final FrameSource frames;
    private final FrameSource probe;
    private final TickSender sender;
    private final Duration drainTimeout;

    PhaseRunner(FrameSource frames, FrameSource probe, TickSender sender, Duration drainTimeout) {
        this.frames = frames;
        this.probe = probe;
        this.sender = sender;
        this.drainTimeout = drainTimeout;
    }

    /** Events per tick for {@code eventsPerSecond}: the rate is kept by the tick, at least one event each. */
    static int perTick(int eventsPerSecond) {
        return (int) Math.max(1, Math.round(eventsPerSecond * (TICK.toNanos() / 1e9)));
    }

    Outcome run(Phase phase) throws InterruptedException {
        LatencyWindow window = new LatencyWindow(phase);
        LatencyWindow stage = new LatencyWindow(phase);
        frames.deliverTo(window);
        probe.deliverTo(stage);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        GcPauses gcBefore = GcPauses.now();
        BrokerRequestTimes brokerBefore = BrokerRequestTimes.now();
        long started = System.nanoTime();
        try {
            LatencySummary sends = new PacedLoad((tick, due) -> {
                window.sent(tick, due);
                stage.sent(tick, due);
                return sender.send(phase.changesOf(tick));
            }).run(TICK.toNanos(), phase.ticks()).latencyIfAllSucceeded();
            window.awaitAll(drainTimeout);
            long took = System.nanoTime() - started;
            return new Outcome(window.latency(), window.counts(), stage.latency(), stage.until(window), sends,
                    Duration.ofNanos(os.getProcessCpuTime() - cpuBefore), GcPauses.now().since(gcBefore),
                    BrokerRequestTimes.now().since(brokerBefore), Duration.ofNanos(took));
        } finally {
            frames.deliverTo(FrameSink.NONE);
            probe.deliverTo(FrameSink.NONE);
        }
    }
}
