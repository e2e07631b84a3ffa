package io.presence.bench.timeouts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.avro.Platform;
import io.presence.bench.BenchRun;
import io.presence.bench.Scenario;
import io.presence.bench.cluster.BenchStreamsConfig;
import io.presence.bench.report.BenchReport;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.InputBacklog;
import io.presence.streams.timeout.SessionTimeouts;
import io.presence.streams.topology.PresenceTopology;
import io.presence.streams.topology.TopologySettings;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Timeout detection (issue 3): {@code large} and then {@code small} live connections, with the same
 * number ({@code small}) coming due over the same window in both and nothing else arriving.
 * Measured per size: the latency of each expiry (read committed, minus its deadline) and the
 * detector's cost per tick. The small size is the baseline of the large one: with a time index the
 * cost per tick follows the due entries, which are the same, not the live connections, which differ
 * {@code large / small} times.
 */
public final class TimeoutsScenario implements Scenario {

    public record Settings(int small, int large, Duration shortTimeout, Duration lead, Duration spread, Duration catchUpTimeout) {
    }

    private static final Platform SHORT_PLATFORM = Platform.WEB;
    private static final DetectorSettings DETECTOR = DetectorSettings.defaults();
    private static final Duration WARM_UP_LEAD = Duration.ofSeconds(3);
    private static final Duration WARM_UP_SPREAD = Duration.ofSeconds(3);

    private final Settings settings;
    private final String nonce = Long.toString(System.currentTimeMillis(), 36);

    public TimeoutsScenario(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run(BenchRun run) {
        BenchReport report = run.report();
        report.say("warm-up (not measured): the same path at a quarter of the small size, so neither size pays for the JIT");
        int warmUp = Math.max(1, settings.small() / 4);
        phase(run, warmUp, WARM_UP_LEAD, WARM_UP_SPREAD);
        // large first: whatever warming up is left then favours the baseline, never the figure measured against it
        PhaseResult large = phase(run, settings.large(), settings.lead(), settings.spread());
        PhaseResult small = phase(run, settings.small(), settings.lead(), settings.spread());
        report.result("tick-cost", large.tickCostMs(), "ms", small.tickCostMs());
        report.result("offline-p99", large.offline().p99Ms(), "ms", small.offline().p99Ms());
        report.result("p50", large.proposals().p50Ms(), "ms", small.proposals().p50Ms());
        report.headline(large.proposals().p99Ms(), "ms", small.proposals().p99Ms());
    }

    private PhaseResult phase(BenchRun run, int live, Duration lead, Duration spread) {
        String appId = "presence-bench-" + nonce + "-timeouts-" + live;
        var plan = TimeoutsPhase.Plan.of(live, Math.min(live, settings.small()), SHORT_PLATFORM, settings.shortTimeout(), lead, spread);
        PresenceMeters meters = new PresenceMeters(new SimpleMeterRegistry());
        return new TimeoutsPhase(run, plan, appId, "t-" + nonce + "-" + live + "-", settings.catchUpTimeout(), DETECTOR.tick())
                .run(PresenceTopology.build(topologySettings(), run.cluster().topics(), meters, InputBacklog.alwaysCaughtUp()),
                        properties(run, appId, meters));
    }

    private TopologySettings topologySettings() {
        // the long default keeps the idle connections live for the whole run
        var shortPlatform = io.presence.streams.session.Platform.valueOf(SHORT_PLATFORM.name());
        return new TopologySettings(new SessionTimeouts(Duration.ofHours(1), Map.of(shortPlatform, settings.shortTimeout()),
                Duration.ofDays(30)), DETECTOR);
    }

    private static Properties properties(BenchRun run, String appId, PresenceMeters meters) {
        Properties props = BenchStreamsConfig.properties(appId, run.cluster().bootstrap(), run.workDir(), 1, meters);
        props.put(StreamsConfig.METRICS_SAMPLE_WINDOW_MS_CONFIG, (int) PunctuationCost.SAMPLE_WINDOW.toMillis());
        props.put(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, PunctuationCost.RECORDING_LEVEL);
        return props;
    }
}
