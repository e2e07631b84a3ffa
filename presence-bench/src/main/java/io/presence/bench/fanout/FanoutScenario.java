package io.presence.bench.fanout;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.bench.BenchRun;
import io.presence.bench.Scenario;
import io.presence.bench.cluster.BenchStreamsConfig;
import io.presence.bench.cluster.CatchUpWatch;
import io.presence.bench.cluster.OffsetsReader;
import io.presence.bench.cluster.PartitionOffsets;
import io.presence.bench.measure.DirectorySize;
import io.presence.bench.report.BenchReport;
import io.presence.bench.report.Throughput;
import io.presence.schemas.topics.TopicSpec;
import io.presence.schemas.topics.Topics;
import io.presence.streams.fanout.FanoutSettings;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.timeout.InputBacklog;
import io.presence.streams.topology.PresenceTopology;
import io.presence.streams.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Notification fan-out (issue 6, R-NOT-3): a target with {@code subscribers} subscribers — each
 * subscribed by its own command — changes status while other users change theirs at a steady
 * rate. Measured: the time from the change to its last notification committed (goal: 2 s for 100 000),
 * against a raw producer writing the same records in the same run; and the p99 of the other users'
 * changes while the fan-out runs, against the same load without it. The presence-streams topology
 * runs with the service's defaults (one stream thread), the fan-out's turn size as given.
 */
public final class FanoutScenario implements Scenario {

    public record Settings(int subscribers, int others, int othersPerSecond, Duration quiet, FanoutSettings fanout,
                           Duration timeout) {
    }

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final String nonce = Long.toString(System.currentTimeMillis(), 36);

    public FanoutScenario(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run(BenchRun run) throws Exception {
        String appId = "presence-bench-" + nonce + "-fanout";
        FanoutUsers users = new FanoutUsers("fo-" + nonce + "-", settings.subscribers(), settings.others());
        try {
            // created first: a new topic's partitions must have settled leaders before a producer writes
            String rawTopic = rawTopic(run, appId);
            FanoutTrial.Outcome outcome = fanOut(run, appId, users);
            reportTrial(run.report(), users, outcome);
            RawNotificationRun raw = new RawNotificationRun(run.cluster().bootstrap(), run.cluster().topics().notifications(), rawTopic);
            raw.send(users, outcome.change()); // warm-up, as the topology had one
            Throughput rawRun = raw.send(users, outcome.change());
            run.report().say("raw producer, the same records: %s", rawRun.format());
            results(run.report(), outcome, rawRun);
        } finally {
            run.cluster().deleteApplication(appId);
        }
    }

    private FanoutTrial.Outcome fanOut(BenchRun run, String appId, FanoutUsers users) throws Exception {
        BenchReport report = run.report();
        Topics topics = run.cluster().topics();
        OffsetsReader subscriptions = new OffsetsReader(run.cluster().admin(), topics.subscriptions().name());
        PartitionOffsets from = subscriptions.logEnd();
        // the application reads only this run's records, whatever the topics held before
        run.cluster().startGroupAtLogEnd(appId, topics.events().name(), topics.friendships().name());
        run.cluster().startGroupAt(appId, from);
        report.say("loading %,d subscriptions to %s, one command each: %s", users.subscribers(), users.target(),
                new SubscriberLoader(run.cluster().bootstrap(), topics.subscriptions()).subscribeAll(users).format());
        PartitionOffsets loaded = subscriptions.logEnd();
        PartitionOffsets notificationsFrom = new OffsetsReader(run.cluster().admin(), topics.notifications().name()).logEnd();

        PresenceMeters meters = new PresenceMeters(new SimpleMeterRegistry());
        KafkaStreams streams = new KafkaStreams(
                PresenceTopology.build(topologySettings(), topics, meters, InputBacklog.alwaysCaughtUp()),
                BenchStreamsConfig.properties(appId, run.cluster().bootstrap(), run.workDir(), 1, meters));
        try {
            long started = System.nanoTime();
            streams.start();
            new CatchUpWatch(subscriptions, from, loaded, report).await(appId, started, settings.timeout(), () -> failure(streams));
            OffsetsReader edges = new OffsetsReader(run.cluster().admin(),
                    appId + "-" + PresenceTopology.SUBSCRIPTION_EDGES + "-repartition");
            new CatchUpWatch(edges, new PartitionOffsets(Map.of()), edges.logEnd(), report)
                    .await(appId, started, settings.timeout(), () -> failure(streams));
            report.say("subscriber index complete");
            return new FanoutTrial(run.cluster().bootstrap(), topics, users, report)
                    .run(notificationsFrom, settings.othersPerSecond(), settings.quiet(), settings.timeout());
        } finally {
            if (!streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT))) {
                throw new IllegalStateException(appId + ": Kafka Streams did not close within " + CLOSE_TIMEOUT);
            }
            DirectorySize.delete(Path.of(run.workDir().toString(), appId));
        }
    }

    private TopologySettings topologySettings() {
        TopologySettings service = TopologySettings.defaults();
        return new TopologySettings(service.timeouts(), service.detector(), service.subscriptionRetention(), settings.fanout());
    }

    private static String rawTopic(BenchRun run, String appId) {
        Topics topics = run.cluster().topics();
        String rawTopic = appId + "-raw-notifications";
        run.cluster().ensureTopic(new TopicSpec(rawTopic, topics.layout().notificationPartitions(),
                topics.layout().replicationFactor(), Map.of()));
        return rawTopic;
    }

    private static void reportTrial(BenchReport report, FanoutUsers users, FanoutTrial.Outcome outcome) {
        int recipients = users.subscribers() + 1;
        report.say("fan-out: %,d recipients told, the last notification committed %d ms after the change (%s)",
                outcome.told(), outcome.fanout().toMillis(), new Throughput(outcome.told(), outcome.fanout()).format());
        report.latency("other users' changes, alone (sent -> notification committed)", outcome.othersAlone());
        report.latency("other users' changes, during the fan-out", outcome.othersDuring());
        if (outcome.told() != recipients || outcome.duplicates() > 0) {
            report.say("WARNING: %,d of %,d recipients told, %,d duplicates", outcome.told(), recipients, outcome.duplicates());
        }
    }

    private static void results(BenchReport report, FanoutTrial.Outcome outcome, Throughput raw) {
        report.result("notifications-per-s", new Throughput(outcome.told(), outcome.fanout()).perSecond(), "notifications/s",
                raw.perSecond());
        report.result("others-p50", outcome.othersDuring().p50Ms(), "ms", outcome.othersAlone().p50Ms());
        report.result("others-p99", outcome.othersDuring().p99Ms(), "ms", outcome.othersAlone().p99Ms());
        report.headline(outcome.fanout().toMillis(), "ms", raw.elapsed().toMillis());
    }

    private static Optional<String> failure(KafkaStreams streams) {
        return streams.state().isRunningOrRebalancing() || streams.state() == KafkaStreams.State.CREATED
                ? Optional.empty() : Optional.of("Kafka Streams is " + streams.state());
    }
}
