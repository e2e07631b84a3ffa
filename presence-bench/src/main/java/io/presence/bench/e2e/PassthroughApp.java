package io.presence.bench.e2e;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.bench.BenchRun;
import io.presence.bench.cluster.BenchStreamsConfig;
import io.presence.bench.measure.DirectorySize;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.TopicSpec;
import io.presence.streams.metrics.PresenceMeters;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline's processor: the least an exactly-once Kafka Streams application can do — each record
 * of {@code <id>-in} copied to {@code <id>-out} (bytes, no state) — with the service's processing
 * config (exactly_once_v2), the contender's commit interval and one stream thread, on its own topics
 * with the partition counts of {@code presence.events} and {@code presence.notifications}.
 */
final class PassthroughApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final BenchRun run;
    private final String applicationId;
    private final KafkaStreams streams;

    private PassthroughApp(BenchRun run, String applicationId, KafkaStreams streams) {
        this.run = run;
        this.applicationId = applicationId;
        this.streams = streams;
    }

    static PassthroughApp start(BenchRun run, String applicationId, Duration commitInterval) throws InterruptedException {
        TopicLayout layout = run.cluster().topics().layout();
        run.cluster().ensureTopic(new TopicSpec(input(applicationId), layout.userPartitions(), layout.replicationFactor(), Map.of()));
        run.cluster().ensureTopic(new TopicSpec(output(applicationId), layout.notificationPartitions(), layout.replicationFactor(),
                Map.of()));
        Properties props = BenchStreamsConfig.properties(applicationId, run.cluster().bootstrap(), run.workDir(), 1,
                new PresenceMeters(new SimpleMeterRegistry()));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        PassthroughApp app = new PassthroughApp(run, applicationId, new KafkaStreams(topology(applicationId), props));
        app.streams.start();
        app.awaitRunning();
        return app;
    }

    static String input(String applicationId) {
        return applicationId + "-in";
    }

    static String output(String applicationId) {
        return applicationId + "-out";
    }

    private static Topology topology(String applicationId) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input(applicationId), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("passthrough-source"))
                .to(output(applicationId), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("passthrough-sink"));
        return builder.build();
    }

    private void awaitRunning() throws InterruptedException {
        long giveUp = System.nanoTime() + START_TIMEOUT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (!streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                throw new IllegalStateException(applicationId + ": Kafka Streams is " + streams.state());
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException(applicationId + ": Kafka Streams was not RUNNING within " + START_TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    /** Its commits so far. */
    CommitStats commits() {
        return CommitStats.of(streams.metrics());
    }

    /** Closes the application and deletes its state, group and topics. */
    @Override
    public void close() {
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        DirectorySize.delete(run.workDir().resolve(applicationId));
        run.cluster().deleteApplication(applicationId);
        if (!closed) {
            throw new IllegalStateException(applicationId + ": Kafka Streams did not close within " + CLOSE_TIMEOUT);
        }
    }
}
