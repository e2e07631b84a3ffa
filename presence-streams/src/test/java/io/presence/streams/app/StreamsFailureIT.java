package io.presence.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.testkit.PresenceCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka Streams stops for good on a failure it cannot recover from — here its input topic deleted under
 * it — and presence-streams then exits with code 2 rather than live on with a dead Streams behind an open
 * port, which a supervisor probing the port would never restart. Its own broker, since it deletes a topic.
 */
class StreamsFailureIT {

    @Test
    void theProcessExitsWithCode2WhenKafkaStreamsFails(@TempDir Path stateDir) throws Exception {
        try (PresenceCluster cluster = PresenceCluster.onOwnBroker()) {
            Process streams = ChildStreams.start(cluster, "presence-streams-failure-it-" + UUID.randomUUID().toString().substring(0, 8),
                    stateDir, "failure", Map.of());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
                admin.deleteTopics(List.of(cluster.topics().events().name())).all().get();
            }

            boolean exited = streams.waitFor(120, TimeUnit.SECONDS);

            String log = Files.readString(ChildStreams.log("failure"));
            assertThat(exited).as("exited; log:\n" + log).isTrue();
            assertThat(streams.exitValue()).isEqualTo(StreamsMain.EXIT_STREAMS_FAILED);
            assertThat(log).contains("exiting with code 2 so that a supervisor restarts this instance");
        }
    }
}
