package io.presence.bench.ingest;

import io.presence.bench.BenchRun;
import io.presence.bench.Scenario;
import io.presence.bench.cluster.OffsetsReader;
import io.presence.bench.cluster.PartitionOffsets;
import io.presence.bench.measure.PacedLoad;
import io.presence.bench.report.BenchReport;
import io.presence.bench.report.LatencySummary;
import io.presence.bench.report.Throughput;
import io.presence.bench.workload.EventMix;
import io.presence.bench.workload.GeneratedEvent;
import io.presence.bench.workload.SessionWorkload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest throughput and latency (issue 4), in-process ingest on the run's broker. In order: warm
 * both paths up; the raw producer writes all events (baseline); the same events go through
 * {@code POST /v1/events} in batches of 1000 with {@code inFlight} calls outstanding (peak); then
 * batches at half that peak rate, over HTTP and, as the latency baseline, straight through ingest's
 * Kafka writer.
 */
public final class IngestScenario implements Scenario {

    public record Settings(int events, int inFlight, Duration pacedFor) {
    }

    static final int BATCH = 1000;
    private static final long SEED = 20_241_128L;
    private static final Duration EVENT_SPAN = Duration.ofMinutes(10);

    private final Settings settings;

    public IngestScenario(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run(BenchRun run) throws InterruptedException {
        List<GeneratedEvent> events = workload(settings.events());
        List<byte[]> bodies = GatewayBatches.render(events, BATCH);
        List<Integer> sizes = batchSizes(events.size());
        run.report().say("%,d gateway events in %,d batches of %d; %d calls in flight", events.size(), bodies.size(), BATCH,
                settings.inFlight());
        try (InProcessIngest ingest = InProcessIngest.start(run.cluster());
             RawBatchWriter rawBatches = new RawBatchWriter(run.cluster().bootstrap(), run.cluster().topics())) {
            GatewayClient gateway = ingest.gateway();
            double peak = throughput(run, events, bodies, sizes, new PeakLoad(gateway, settings.inFlight()));

            double callsPerSecond = peak / 2 / BATCH;
            run.report().say("half the peak: %.1f batch calls/s for %d s, each way", callsPerSecond, settings.pacedFor().toSeconds());
            int batches = bodies.size();
            LatencySummary http = new PacedLoad((k, due) -> gateway.post(bodies.get(k % batches), sizes.get(k % batches)))
                    .run(callsPerSecond, settings.pacedFor()).latencyIfAllSucceeded();
            run.report().latency("  HTTP batch call", http);
            LatencySummary raw = new PacedLoad((k, due) -> rawBatches.write(batch(events, k % batches)))
                    .run(callsPerSecond, settings.pacedFor()).latencyIfAllSucceeded();
            run.report().latency("  raw batch write (ingest's Kafka writer)", raw);
            run.report().result("batch-p50", http.p50Ms(), "ms", raw.p50Ms());
            run.report().result("batch-p99", http.p99Ms(), "ms", raw.p99Ms());
        }
    }

    /** Warms both paths up, then measures the raw producer and the HTTP peak; records the headline, returns the peak. */
    private double throughput(BenchRun run, List<GeneratedEvent> events, List<byte[]> bodies, List<Integer> sizes, PeakLoad peak)
            throws InterruptedException {
        BenchReport report = run.report();
        RawProducerRun raw = new RawProducerRun(run.cluster().bootstrap(), run.cluster().topics().events());
        int warmUp = Math.max(1, bodies.size() / 10);
        report.say("warm-up (not measured): %,d batches each way", warmUp);
        raw.send(events.subList(0, Math.min(events.size(), warmUp * BATCH)));
        peak.run(bodies.subList(0, warmUp), sizes.subList(0, warmUp));

        Throughput rawThroughput = raw.send(events);
        report.say("raw producer (acks=all, ingest's producer config): %s", rawThroughput.format());
        OffsetsReader log = new OffsetsReader(run.cluster().admin(), run.cluster().topics().events().name());
        PartitionOffsets before = log.logEnd();
        PeakLoad.Outcome http = peak.run(bodies, sizes);
        long landed = log.logEnd().recordsSince(before);
        report.say("HTTP POST /v1/events: %s (%,d records landed in the log)", http.throughput().format(), landed);
        report.latency("  batch call at peak", http.latency());
        if (landed < http.throughput().events()) {
            throw new IllegalStateException("ingest acknowledged " + http.throughput().events() + " events but only "
                    + landed + " reached " + run.cluster().topics().events().name());
        }
        report.headline(http.throughput().perSecond(), "events/s", rawThroughput.perSecond());
        return http.throughput().perSecond();
    }

    private static List<GeneratedEvent> workload(int count) {
        long now = System.currentTimeMillis();
        // about 20 events per device, as in the fold scenario
        int users = Math.max(1, count / 30);
        SessionWorkload workload = new SessionWorkload(new SessionWorkload.Size(users, users + users / 2, count), EventMix.GATEWAY,
                SEED, now - EVENT_SPAN.toMillis(), now);
        List<GeneratedEvent> events = new ArrayList<>(count);
        workload.generate(events::add);
        return events;
    }

    private static List<Integer> batchSizes(int events) {
        List<Integer> sizes = new ArrayList<>();
        for (int from = 0; from < events; from += BATCH) {
            sizes.add(Math.min(BATCH, events - from));
        }
        return sizes;
    }

    private static List<GeneratedEvent> batch(List<GeneratedEvent> events, int i) {
        return events.subList(i * BATCH, Math.min(events.size(), (i + 1) * BATCH));
    }
}
