package io.presence.bench.fold;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.bench.BenchRun;
import io.presence.bench.Scenario;
import io.presence.bench.cluster.BenchStreamsConfig;
import io.presence.bench.cluster.CatchUpWatch;
import io.presence.bench.cluster.OffsetsReader;
import io.presence.bench.cluster.PartitionOffsets;
import io.presence.bench.measure.HeapGauge;
import io.presence.bench.report.BenchReport;
import io.presence.bench.report.Throughput;
import io.presence.bench.workload.EventLoader;
import io.presence.bench.workload.EventMix;
import io.presence.bench.workload.SessionWorkload;
import io.presence.schemas.topics.TopicSpec;
import io.presence.schemas.topics.Topics;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.InputBacklog;
import io.presence.streams.timeout.SessionTimeouts;
import io.presence.streams.topology.PresenceTopology;
import io.presence.streams.topology.TopologySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fold throughput (issue 3): one log of generated sessions, pre-loaded; then, on that same log and
 * broker, each contender runs from start to caught-up — the raw consume-produce loop, the get+put
 * Kafka Streams app, and the real presence-streams topology — {@code runs} times in that order.
 * Every contender starts at the offsets where loading began, so it reads exactly the loaded events
 * even on a cluster whose topic held data before.
 */
public final class FoldScenario implements Scenario {

    public record Settings(int users, int eventsPerDevice, int runs, int threads, Duration catchUpTimeout) {
    }

    private static final long SEED = 20_241_126L;
    private static final Duration EVENT_SPAN = Duration.ofMinutes(10);
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);
    // The detector runs (files deadlines, scans every tick) but with a day-long timeout proposes no
    // expiry of the synthetic sessions mid-run: a proposal would append to the log the next contender
    // reads. Expiry is measured by the timeouts scenario.
    private static final TopologySettings TOPOLOGY = new TopologySettings(
            new SessionTimeouts(Duration.ofDays(1), Map.of(), Duration.ofDays(30)), DetectorSettings.defaults());

    private final Settings settings;

    public FoldScenario(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run(BenchRun run) {
        BenchReport report = run.report();
        Topics topics = run.cluster().topics();
        long now = System.currentTimeMillis();
        SessionWorkload workload = new SessionWorkload(SessionWorkload.Size.of(settings.users(), settings.eventsPerDevice()),
                EventMix.REALISTIC, SEED, now - EVENT_SPAN.toMillis(), now);
        report.say("workload: %,d users, %,d devices, %,d events", workload.size().users(), workload.size().devices(),
                workload.size().events());
        OffsetsReader offsets = new OffsetsReader(run.cluster().admin(), topics.events().name());
        PartitionOffsets start = offsets.logEnd();
        report.say("loading %s with a raw producer …", topics.events().name());
        report.say("loaded: %s", new EventLoader(run.cluster().bootstrap(), topics.events(), report).load(workload, SEED).format());
        PartitionOffsets end = offsets.logEnd();
        long events = end.recordsSince(start);
        CatchUpWatch watch = new CatchUpWatch(offsets, start, end, report);
        Contenders contenders = new Contenders(run, new StreamsContender(watch, settings.catchUpTimeout()), watch, start, events);

        List<ContenderResult> loop = new ArrayList<>();
        List<ContenderResult> getPut = new ArrayList<>();
        List<ContenderResult> fold = new ArrayList<>();
        for (int i = 1; i <= settings.runs(); i++) {
            report.say("run %d of %d over %,d events", i, settings.runs(), events);
            loop.add(contenders.consumeProduce(i));
            getPut.add(contenders.getPut(i, workload.size().users()));
            fold.add(contenders.fold(i));
        }
        report(report, median(loop), median(getPut), median(fold), workload.size().users());
    }

    private void report(BenchReport report, ContenderResult loop, ContenderResult getPut, ContenderResult fold, int users) {
        report.say("medians of %d run(s):", settings.runs());
        for (ContenderResult r : List.of(loop, getPut, fold)) {
            report.say("  %-16s %s; heap retained %.1f MiB; state %.1f MiB = %.0f bytes/user (SST files %.0f bytes/user)",
                    r.name(), r.throughput().format(), HeapGauge.mebibytes(r.heapRetainedBytes()), HeapGauge.mebibytes(r.stateBytes()),
                    (double) r.stateBytes() / users, (double) r.sstBytes() / users);
        }
        double foldRate = fold.throughput().perSecond();
        report.result("vs-consume-produce", foldRate, "events/s", loop.throughput().perSecond());
        report.result("heap-retained", HeapGauge.mebibytes(fold.heapRetainedBytes()), "MiB", HeapGauge.mebibytes(getPut.heapRetainedBytes()));
        report.result("state-per-user", (double) fold.stateBytes() / users, "bytes", (double) getPut.stateBytes() / users);
        report.headline(foldRate, "events/s", getPut.throughput().perSecond());
    }

    private static ContenderResult median(List<ContenderResult> results) {
        List<ContenderResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(r -> r.throughput().perSecond()));
        return sorted.get(sorted.size() / 2);
    }

    /** Runs each contender once over the loaded log, each under a fresh application id / group. */
    private final class Contenders {

        private final BenchRun run;
        private final StreamsContender streams;
        private final CatchUpWatch watch;
        private final PartitionOffsets start;
        private final long events;
        private final String nonce = Long.toString(System.currentTimeMillis(), 36);

        Contenders(BenchRun run, StreamsContender streams, CatchUpWatch watch, PartitionOffsets start, long events) {
            this.run = run;
            this.streams = streams;
            this.watch = watch;
            this.start = start;
            this.events = events;
        }

        ContenderResult consumeProduce(int i) {
            String group = id("consume-produce", i);
            Topics topics = run.cluster().topics();
            String output = group + "-output";
            run.cluster().ensureTopic(new TopicSpec(output, topics.layout().userPartitions(), topics.layout().replicationFactor(), Map.of()));
            long heapBefore = HeapGauge.liveBytes();
            ContenderResult result;
            try (ConsumeProduceLoop loop = new ConsumeProduceLoop(run.cluster().bootstrap(), group, topics.events(), output, COMMIT_INTERVAL)) {
                long started = System.nanoTime();
                loop.start();
                Duration elapsed = watch.await(group, started, settings.catchUpTimeout(), loop::failure);
                long heapAfter = HeapGauge.liveBytes();
                result = new ContenderResult("consume-produce", new Throughput(events, elapsed), heapAfter - heapBefore, 0, 0);
            }
            return finish(group, result);
        }

        ContenderResult getPut(int i, int users) {
            LongAdder usersSeen = new LongAdder();
            String appId = id("get-put", i);
            ContenderResult result = finish(appId, streams.run("get+put", GetPutBaseline.topology(run.cluster().topics().events(), usersSeen),
                    BenchStreamsConfig.properties(appId, run.cluster().bootstrap(), run.workDir(), settings.threads(),
                            new PresenceMeters(new SimpleMeterRegistry())), events));
            run.report().say("    get+put stored %,d users (workload: %,d)", usersSeen.sum(), users);
            return result;
        }

        ContenderResult fold(int i) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            PresenceMeters meters = new PresenceMeters(registry);
            String appId = id("fold", i);
            ContenderResult result = finish(appId, streams.run("presence fold",
                    PresenceTopology.build(TOPOLOGY, run.cluster().topics(), meters, InputBacklog.alwaysCaughtUp()),
                    BenchStreamsConfig.properties(appId, run.cluster().bootstrap(), run.workDir(), settings.threads(), meters), events));
            FoldCounts counts = FoldCounts.of(registry);
            run.report().say("    fold outcomes %s; dead letters %,d", counts.byOutcome(), counts.deadLetters());
            if (counts.deadLetters() > 0 || counts.folded() != events) {
                throw new IllegalStateException("the fold folded " + counts.folded() + " of " + events + " events, with "
                        + counts.deadLetters() + " dead letters: the throughput figure would not be about folding");
            }
            return result;
        }

        /** Prints the contender's result and deletes its group and topics, so the next one runs on a cluster as before. */
        private ContenderResult finish(String id, ContenderResult result) {
            run.report().say("  %-16s %s", result.name(), result.throughput().format());
            run.cluster().deleteApplication(id);
            return result;
        }

        /** A fresh application id / group for one contender's run, starting where loading began. */
        private String id(String contender, int i) {
            String id = "presence-bench-" + nonce + "-" + contender + "-" + i;
            run.cluster().startGroupAt(id, start);
            return id;
        }
    }
}
