package io.presence.ingest;

import static io.presence.ingest.GatewayBodies.events;
import static io.presence.ingest.GatewayBodies.item;
import static io.presence.ingest.GatewayBodies.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.GeneralStatus;
import io.presence.avro.UserStatus;
import io.presence.config.PresenceConfigLoader;
import io.presence.streams.app.PresenceStreamsSettings;
import io.presence.streams.app.StreamsService;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Ingest in front of the streams topology: what goes in over HTTP comes out as status in {@code presence.status}. */
@ExtendWith(PresenceClusterExtension.class)
class EndToEndIT {

    @Test
    void aLoginThroughIngestMakesTheUserOnlineAndTheirStatusFollows(PresenceCluster presence, @TempDir Path stateDir) {
        IngestCluster cluster = IngestCluster.of(presence);
        PresenceStreamsSettings streamsSettings = PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", cluster.bootstrap(),
                "PRESENCE_SCHEMA_REGISTRY_URL", cluster.registryUrl(),
                "PRESENCE_AUTH_SECRET", TestTokens.SECRET,
                "PRESENCE_STREAMS_APPLICATION_ID", "presence-streams-e2e-" + UUID.randomUUID(),
                "PRESENCE_STREAMS_PORT", "0",
                "PRESENCE_STREAMS_STATE_DIR", stateDir.toString(),
                "PRESENCE_STREAMS_NUM_STANDBY_REPLICAS", "0",
                "PRESENCE_STREAMS_ADVERTISED_HOST", "localhost")));
        try (StreamsService streams = StreamsService.start(streamsSettings);
             IngestService ingest = cluster.start(Map.of(), InstantSource.system())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            IngestHttp http = new IngestHttp(ingest.port());
            String user = uniqueUser();

            assertThat(http.postEvents(IngestCluster.GATEWAY_KEY, events(item("LOGIN", user, "phone", "c1", "IOS", null))).statusCode())
                    .isEqualTo(200);
            UserStatus online = awaitStatus(cluster, user, 1);
            assertThat(online.getStatus()).isEqualTo(GeneralStatus.ONLINE);

            assertThat(http.putStatus(TestTokens.bearer(user), "{\"customStatus\":\"On the train\"}").statusCode()).isEqualTo(202);
            UserStatus withText = awaitStatus(cluster, user, 2);
            assertThat(withText.getStatus()).isEqualTo(GeneralStatus.ONLINE);
            assertThat(withText.getCustomStatus()).isEqualTo("On the train");
        }
    }

    /** The user's status record once it reached {@code version}. */
    private static UserStatus awaitStatus(IngestCluster cluster, String user, long version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> latest(cluster, user) != null && latest(cluster, user).getVersion() >= version);
        return latest(cluster, user);
    }

    private static UserStatus latest(IngestCluster cluster, String user) {
        List<ConsumerRecord<String, UserStatus>> records =
                TopicReader.readAll(cluster.bootstrap(), cluster.topics().status(), r -> user.equals(r.key()));
        return records.isEmpty() ? null : records.get(records.size() - 1).value();
    }
}
