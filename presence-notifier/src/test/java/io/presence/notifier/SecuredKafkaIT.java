package io.presence.notifier;

import static io.presence.ingest.GatewayBodies.events;
import static io.presence.ingest.GatewayBodies.item;
import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.presence.config.KafkaConnection;
import io.presence.config.PresenceConfigLoader;
import io.presence.ingest.IngestCluster;
import io.presence.ingest.IngestHttp;
import io.presence.ingest.IngestService;
import io.presence.notifier.app.NotifierService;
import io.presence.schemas.PlatformBootstrap;
import io.presence.schemas.topics.TopicSetupException;
import io.presence.streams.app.PresenceStreamsSettings;
import io.presence.streams.app.StreamsService;
import io.presence.testkit.EmbeddedKafkaBroker;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.SaslPlainUser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that asks every client to log in (SASL/PLAIN, as managed Kafka services do): ingest,
 * presence-streams and the notifier, configured only through environment variables as a deployment
 * is ({@code PRESENCE_KAFKA_CLIENT_*}), all reach it through its SASL listener — a client that ignored
 * those settings could not even fetch metadata there — and a change travels the whole pipeline.
 */
class SecuredKafkaIT {

    private static final SaslPlainUser USER = new SaslPlainUser("presence", "presence-secret");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static EmbeddedKafkaBroker broker;
    private static PresenceCluster presence;
    private static StreamsService streams;
    private static IngestService ingest;
    private static NotifierService notifier;

    @BeforeAll
    static void start(@TempDir Path stateDir) {
        broker = EmbeddedKafkaBroker.builder().saslPlain(USER).start();
        presence = PresenceCluster.start(broker);
        Map<String, String> secured = loggingInAs(USER);
        streams = StreamsService.start(PresenceStreamsSettings.from(PresenceConfigLoader.load(with(secured, Map.of(
                "PRESENCE_SCHEMA_REGISTRY_URL", presence.registryUrl(),
                "PRESENCE_AUTH_SECRET", TestTokens.SECRET,
                "PRESENCE_STREAMS_APPLICATION_ID", unique("presence-streams-secured-it"),
                "PRESENCE_STREAMS_PORT", "0",
                "PRESENCE_STREAMS_ADVERTISED_HOST", "localhost",
                "PRESENCE_STREAMS_STATE_DIR", stateDir.toString(),
                "PRESENCE_STREAMS_NUM_STANDBY_REPLICAS", "0")))));
        ingest = IngestCluster.of(presence).start(with(secured, Map.of("PRESENCE_AUTH_SECRET", TestTokens.SECRET)), InstantSource.system());
        notifier = new NotifierCluster(presence).start(secured);
        await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable service : new AutoCloseable[] {notifier, ingest, streams, presence, broker}) {
            try {
                if (service != null) {
                    service.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void everyServiceLogsInAndAChangeTravelsTheWholePipeline() {
        String user = unique("alice");
        try (TestSocket socket = TestSocket.open(notifier.port(), user).awaitReady()) {
            HttpResponse<String> answer = new IngestHttp(ingest.port())
                    .postEvents(IngestCluster.GATEWAY_KEY, events(item("LOGIN", user, "phone", "c1", "IOS", null)));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

            await().atMost(WAIT).until(() -> !about(socket.notifications(), user).isEmpty());
            JsonNode told = about(socket.notifications(), user).get(0);
            assertThat(told.path("status").asText()).isEqualTo("ONLINE");
            assertThat(told.path("version").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aWrongPasswordIsAClearStartUpError() {
        KafkaConnection wrong = new KafkaConnection(broker.saslBootstrapServers(),
                new SaslPlainUser(USER.username(), "not-the-password").clientSettings());

        assertThatThrownBy(() -> PlatformBootstrap.prepare(wrong, presence.layout(), presence.registryClient(), Duration.ofSeconds(10)))
                .isInstanceOf(TopicSetupException.class)
                .hasMessageContaining(broker.saslBootstrapServers())
                .hasMessageContaining("Authentication failed");
    }

    /** The SASL listener and the user's client settings, as a deployment's environment names them. */
    private static Map<String, String> loggingInAs(SaslPlainUser user) {
        Map<String, String> env = new HashMap<>();
        env.put("PRESENCE_KAFKA_BOOTSTRAP", broker.saslBootstrapServers());
        user.clientSettings().forEach((setting, value) ->
                env.put("PRESENCE_KAFKA_CLIENT_" + setting.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(more);
        return all;
    }

    private static List<JsonNode> about(List<JsonNode> notifications, String user) {
        return notifications.stream().filter(n -> user.equals(n.path("userId").asText())).toList();
    }
}
