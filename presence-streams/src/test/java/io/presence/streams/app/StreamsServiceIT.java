package io.presence.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.DeviceSession;
import io.presence.avro.EventType;
import io.presence.avro.GeneralStatus;
import io.presence.avro.PresenceEvent;
import io.presence.avro.SubscriptionCommand;
import io.presence.avro.UserStatus;
import io.presence.http.OpenApiDocument;
import io.presence.schemas.topics.Topic;
import io.presence.streams.dlq.DeadLetterCause;
import io.presence.schemas.topics.DeadLetterHeaders;
import io.presence.streams.subscription.TestTokens;
import io.presence.streams.timeout.SessionTimeouts;
import io.presence.streams.topology.PresenceCommands;
import io.presence.streams.topology.PresenceEvents;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The service end to end on a real broker, with a 2 s heartbeat timeout. */
@ExtendWith(PresenceClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final PresenceEvents gateway = new PresenceEvents("it-" + run + "-");
    private final PresenceCommands ingest = new PresenceCommands("it-" + run + "-c");
    private PresenceCluster cluster;
    private StreamsService service;
    private KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    void start(PresenceCluster cluster, @TempDir Path stateDir) {
        this.cluster = cluster;
        service = StreamsService.start(TestStreamsSettings.on(cluster, "presence-streams-it-" + run, stateDir,
                new SessionTimeouts(TIMEOUT, Map.of(), Duration.ofDays(30))));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
        await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    void stop() {
        if (producer != null) {
            producer.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void R_SES_4_aSilentConnectionIsExpiredWithinTheTimeoutPlusOneSecond() throws Exception {
        String user = "silent-" + run;
        Topic<String, PresenceEvent> events = cluster.topics().events();
        try (var eventLog = reader(events);
             var statuses = reader(cluster.topics().status())) {
            long loginAt = System.currentTimeMillis();
            send(events, user, gateway.login(user, "phone", "c1", loginAt));

            // then: nothing else is written; the wall clock alone must expire the connection
            await().atMost(TIMEOUT.plusSeconds(1).minusMillis(System.currentTimeMillis() - loginAt))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> statuses.poll().stream().anyMatch(r -> r.key().equals(user)
                            && r.value().getStatus() == GeneralStatus.OFFLINE));

            PresenceEvent expiry = eventLog.poll().stream().filter(r -> r.key().equals(user))
                    .map(ConsumerRecord::value).filter(e -> e.getType() == EventType.HEARTBEAT_EXPIRED)
                    .findFirst().orElseThrow();
            assertThat(expiry.getConnectionId()).isEqualTo("c1");
            assertThat(expiry.getLastHeartbeatAt().toEpochMilli()).isEqualTo(loginAt);
        }
    }

    @Test
    void undecodableBytesGoToTheDeadLetterTopicAndTheNextEventIsFolded() throws Exception {
        String user = "garbled-" + run;
        byte[] garbage = ("garbage " + run).getBytes(StandardCharsets.UTF_8);
        try (var dlq = reader(cluster.topics().dlq());
             var statuses = reader(cluster.topics().status())) {
            producer.send(new ProducerRecord<>(cluster.topics().events().name(), user.getBytes(StandardCharsets.UTF_8), garbage)).get();
            send(cluster.topics().events(), user, gateway.login(user, "phone", "c1", System.currentTimeMillis()));

            await().atMost(Duration.ofSeconds(15)).until(() -> statuses.poll().stream()
                    .anyMatch(r -> r.key().equals(user) && r.value().getStatus() == GeneralStatus.ONLINE));
            ConsumerRecord<byte[], byte[]> dead = await().atMost(Duration.ofSeconds(15)).until(
                    () -> dlq.poll().stream().filter(r -> Arrays.equals(r.value(), garbage)).findFirst().orElse(null),
                    Objects::nonNull);
            assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo(cluster.topics().events().name());
            assertThat(header(dead, DeadLetterHeaders.EXCEPTION)).endsWith("SerializationException");
            assertThat(header(dead, DeadLetterHeaders.MESSAGE)).isNotBlank();
            assertThat(header(dead, DeadLetterHeaders.PARTITION)).isNotBlank();
            assertThat(header(dead, DeadLetterHeaders.OFFSET)).isNotBlank();
            assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo(DeadLetterCause.UNDECODABLE.stage());
        }
    }

    @Test
    void anEventDatedHoursAheadOfItsRecordIsDeadLetteredAndTheServiceKeepsFolding() throws Exception {
        // folded, its outputs would be dated past the broker's message.timestamp.after.max.ms (1 h):
        // the transaction fails and the application stops, on every restart, at the same record
        String user = "ahead-" + run;
        long now = System.currentTimeMillis();
        try (var dlq = reader(cluster.topics().dlq());
             var statuses = reader(cluster.topics().status())) {
            send(cluster.topics().events(), user, gateway.login(user, "phone", "c1", now + Duration.ofHours(2).toMillis()));
            send(cluster.topics().events(), user, gateway.login(user, "phone", "c2", now));

            ConsumerRecord<String, UserStatus> online = await().atMost(Duration.ofSeconds(15)).until(() -> statuses.poll().stream()
                    .filter(r -> r.key().equals(user)).findFirst().orElse(null), Objects::nonNull);
            assertThat(online.value().getDevices()).extracting(DeviceSession::getConnectionId).containsExactly("c2");
            ConsumerRecord<byte[], byte[]> dead = await().atMost(Duration.ofSeconds(15)).until(() -> dlq.poll().stream()
                    .filter(r -> user.equals(new String(r.key(), StandardCharsets.UTF_8))).findFirst().orElse(null),
                    Objects::nonNull);
            assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterCause.INVALID_EVENT.reason());
            assertThat(header(dead, DeadLetterHeaders.MESSAGE)).contains("later than its Kafka record");
            assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void itsOpenApiDocumentListsExactlyTheRoutesItServesAndIsServed() throws Exception {
        OpenApiDocument document = OpenApiDocument.nextTo(StreamsService.class);
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + service.httpPort() + OpenApiDocument.PATH)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(document.routes()).containsExactlyInAnyOrderElementsOf(service.declaredRoutes());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("\"/v1/status:query\"", "\"openapi\": \"3.0.3\"");
    }

    @Test
    void healthIsUpAndMetricsAreServedWhileRunning() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + service.httpPort();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("presence_events_folded_total", "presence_heartbeats_rejected_total",
                "presence_dlq_records_total", "presence_expiries_total", "presence_notifications_total", "kafka_stream_");
        // the RocksDB and the in-memory stores both report under the shared store metric names (bound within 10 s)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.send(
                        HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body().lines().filter(line -> line.startsWith("kafka_stream_state_put_rate{")))
                .anyMatch(line -> line.contains("state_id=\"user-status\""))
                .anyMatch(line -> line.contains("state_id=\"fanout-jobs\"")));
    }

    @Test
    void theCallersSubscriptionsAreServedOldestFirst() throws Exception {
        String subscriber = "sub-" + run;
        Topic<String, SubscriptionCommand> subscriptions = cluster.topics().subscriptions();
        long now = System.currentTimeMillis();
        send(subscriptions, subscriber, ingest.subscribe(subscriber, now, "b-" + run, "a-" + run));
        send(subscriptions, subscriber, ingest.subscribe(subscriber, now + 1, "c-" + run));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest mine = HttpRequest.newBuilder(URI.create("http://localhost:" + service.httpPort() + "/v1/me/subscriptions"))
                .header("Authorization", TestTokens.bearer(subscriber)).build();

        String expected = "{\"userIds\":[\"b-" + run + "\",\"a-" + run + "\",\"c-" + run + "\"]}";
        await().atMost(Duration.ofSeconds(15)).until(() -> http.send(mine, HttpResponse.BodyHandlers.ofString()).body(),
                expected::equals);
    }

    private <K, V> TopicReader<K, V> reader(Topic<K, V> topic) {
        return new TopicReader<>(cluster.bootstrapServers(), topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    private <V> void send(Topic<String, V> topic, String key, V value) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8),
                topic.valueSerde().serializer().serialize(topic.name(), value))).get();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
