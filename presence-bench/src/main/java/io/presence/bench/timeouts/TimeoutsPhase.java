package io.presence.bench.timeouts;

import io.presence.avro.Platform;
import io.presence.bench.BenchRun;
import io.presence.bench.cluster.CatchUpWatch;
import io.presence.bench.cluster.OffsetsReader;
import io.presence.bench.cluster.PartitionOffsets;
import io.presence.bench.measure.DirectorySize;
import io.presence.bench.report.BenchReport;
import io.presence.bench.workload.EventLoader;
import io.presence.bench.workload.EventSource;
import io.presence.bench.workload.IdleConnections;
import io.presence.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * One size of the timeouts scenario, on its own application that starts at the log's end: the
 * idle connections are loaded and folded first, with the application running; only then are the
 * connections that come due logged in, with deadlines from {@code lead} on, so the deadlines never
 * depend on how long the bulk took to fold. Then, with nothing else arriving, the expiries are
 * watched and the punctuation cost sampled.
 */
final class TimeoutsPhase {

    /**
     * What this phase holds and how its due connections come due. There are always at least
     * {@link #PRIMERS} idle connections: folding them proves the application is processing before
     * the due connections' deadlines start to run.
     */
    record Plan(int due, int idle, Platform shortPlatform, Duration shortTimeout, Duration lead, Duration spread) {

        static final int PRIMERS = 100;

        static Plan of(int live, int due, Platform shortPlatform, Duration shortTimeout, Duration lead, Duration spread) {
            return new Plan(due, Math.max(PRIMERS, live - due), shortPlatform, shortTimeout, lead, spread);
        }

        int live() {
            return due + idle;
        }
    }

    private static final long SEED = 20_241_127L;
    private static final Duration DRAIN = Duration.ofSeconds(15);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final BenchRun run;
    private final Plan plan;
    private final String appId;
    private final String userPrefix;
    private final Duration catchUpTimeout;
    private final Duration detectorTick;
    private final OffsetsReader events;

    /** @param userPrefix makes this phase's user ids unique in the log (ids are at most 64 characters) */
    TimeoutsPhase(BenchRun run, Plan plan, String appId, String userPrefix, Duration catchUpTimeout, Duration detectorTick) {
        this.run = run;
        this.plan = plan;
        this.appId = appId;
        this.userPrefix = userPrefix;
        this.catchUpTimeout = catchUpTimeout;
        this.detectorTick = detectorTick;
        this.events = new OffsetsReader(run.cluster().admin(), run.cluster().topics().events().name());
    }

    PhaseResult run(Topology topology, Properties props) {
        BenchReport report = run.report();
        report.say("%,d live connections, %,d of them due over %d s from %d s after their login (timeout %d s)",
                plan.live(), plan.due(), plan.spread().toSeconds(), plan.lead().toSeconds(), plan.shortTimeout().toSeconds());
        PartitionOffsets from = events.logEnd();
        run.cluster().startGroupAt(appId, from);
        PartitionOffsets idleLoaded = load(new IdleConnections(userPrefix + "i-", plan.idle(), Platform.IOS,
                System.currentTimeMillis()), "idle logins");
        KafkaStreams streams = new KafkaStreams(topology, props);
        try {
            long started = System.nanoTime();
            streams.start();
            new CatchUpWatch(events, from, idleLoaded, report).await(appId, started, catchUpTimeout, () -> failure(streams));
            DueConnections due = new DueConnections(userPrefix + "d-", plan.due(), plan.shortPlatform(), plan.shortTimeout(),
                    System.currentTimeMillis() + plan.lead().toMillis(), plan.spread());
            PartitionOffsets dueLoaded = load(due, "due logins");
            new CatchUpWatch(events, idleLoaded, dueLoaded, report).await(appId, System.nanoTime(), catchUpTimeout, () -> failure(streams));
            return measure(streams, due, dueLoaded);
        } finally {
            if (!streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT))) {
                throw new IllegalStateException(appId + ": Kafka Streams did not close within " + CLOSE_TIMEOUT);
            }
            DirectorySize.delete(Path.of(run.workDir().toString(), appId));
            run.cluster().deleteApplication(appId);
        }
    }

    private PartitionOffsets load(EventSource logins, String what) {
        run.report().say("  %s loaded: %s", what, new EventLoader(run.cluster().bootstrap(), run.cluster().topics().events(),
                run.report()).load(logins, SEED).format());
        return events.logEnd();
    }

    private PhaseResult measure(KafkaStreams streams, DueConnections due, PartitionOffsets dueLoaded) {
        BenchReport report = run.report();
        long margin = due.firstDeadline() - System.currentTimeMillis();
        report.say("  due logins folded; first deadline in %.1f s", margin / 1000.0);
        if (margin < 0) {
            report.say("  WARNING: folded after the first deadline; the first expiries measure the catch-up (give a longer --lead)");
        }
        Topics topics = run.cluster().topics();
        PartitionOffsets changesFrom = new OffsetsReader(run.cluster().admin(), topics.statusChanges().name()).logEnd();
        try (ExpiryProbe probe = new ExpiryProbe(run.cluster().bootstrap(), topics.events(), dueLoaded, topics.statusChanges(),
                changesFrom, plan.shortTimeout());
             PunctuationCost cost = new PunctuationCost(streams::metrics, detectorTick)) {
            cost.sampleFrom(due.firstDeadline());
            probe.readUntil(plan.due(), due.lastDeadline() + DRAIN.toMillis());
            PhaseResult result = new PhaseResult(plan.live(), plan.due(), probe.proposals(), probe.offlineChanges(),
                    cost.meanMs(), cost.format());
            report.latency("  HEARTBEAT_EXPIRED read - deadline", result.proposals());
            report.latency("  OFFLINE status change read - deadline", result.offline());
            report.say("  %s", result.tickCost());
            if (result.proposals().count() < plan.due() || result.offline().count() < plan.due()) {
                report.say("  WARNING: saw %,d expiries and %,d OFFLINE changes of %,d due connections",
                        result.proposals().count(), result.offline().count(), plan.due());
            }
            return result;
        }
    }

    private static Optional<String> failure(KafkaStreams streams) {
        return streams.state().isRunningOrRebalancing() || streams.state() == KafkaStreams.State.CREATED
                ? Optional.empty() : Optional.of("Kafka Streams is " + streams.state());
    }
}
