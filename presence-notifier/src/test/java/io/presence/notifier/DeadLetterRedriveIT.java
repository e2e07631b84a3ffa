package io.presence.notifier;

import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.avro.StatusNotification;
import io.presence.notifier.app.NotifierService;
import io.presence.schemas.topics.DeadLetterHeaders;
import io.presence.streams.audit.AuditMain;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A webhook receiver that was down past the retry budget gets what it missed once it is back:
 * {@code bin/presence-audit dead-letters} shows the dead letters, {@code redrive} puts the dead
 * notifications back and the real notifier delivers them, signed, with their own ids.
 */
@ExtendWith(PresenceClusterExtension.class)
class DeadLetterRedriveIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PresenceCluster cluster;
    private static WebhookReceiver receiver;
    private static NotifierService notifier;
    private static NotificationLog log;
    private static final Set<String> downFor = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start(PresenceCluster presence) {
        cluster = presence;
        receiver = new WebhookReceiver();
        receiver.answer(body -> downFor.contains(body.path("recipientId").asText()) ? 503 : 200);
        notifier = new NotifierCluster(presence).start(NotifierCluster.pushingTo(receiver));
        log = new NotificationLog(presence);
    }

    @AfterAll
    static void stop() {
        log.close();
        notifier.close();
        receiver.close();
    }

    @Test
    void R_NOT_4_deadNotificationsAreDeliveredOnceTheReceiverIsBackAndOtherDeadLettersStayWhereTheyAre() throws Exception {
        String recipient = unique("r");
        downFor.add(recipient);
        List<StatusNotification> missed = List.of(TestNotifications.of(recipient, unique("u"), 1), TestNotifications.of(recipient, unique("u"), 4));
        log.sendAll(missed);
        await().atMost(Duration.ofSeconds(30)).until(() -> DeadLetterReader.withKey(cluster, recipient).size() == 2);
        writeDeadEvent(recipient);

        Result listed = audit("dead-letters", "--key", recipient);
        assertThat(listed.code()).isZero();
        assertThat(listed.outLines()).hasSize(4);
        assertThat(listed.outLines().get(0)).startsWith("DLQ").contains("STAGE", "REASON", "SOURCE", "KEY", "MESSAGE");
        assertThat(listed.outLines().subList(1, 3)).allSatisfy(row -> assertThat(row)
                .contains("push", "webhook-retries-exhausted", "presence.notifications-", recipient, "HTTP 503"));
        assertThat(listed.outLines().get(3)).contains("validate", "invalid-event", "presence.events-2@17", recipient);
        assertThat(listed.err()).contains("3 of", "listed (push/webhook-retries-exhausted 2, validate/invalid-event 1)");

        Result asJson = audit("dead-letters", "--key", recipient, "--reason", "webhook-retries-exhausted", "--format", "json");
        assertThat(asJson.outLines()).hasSize(2);
        JsonNode first = JSON.readTree(asJson.outLines().get(0));
        assertThat(first.path("stage").asText()).isEqualTo("push");
        assertThat(first.path("sourceTopic").asText()).isEqualTo("presence.notifications");
        assertThat(first.path("key").asText()).isEqualTo(recipient);
        assertThat(first.path("valueBytes").asInt()).isPositive();

        Result dryRun = audit("redrive", "--key", recipient, "--dry-run");
        assertThat(dryRun.code()).isZero();
        assertThat(dryRun.outLines()).hasSize(3);
        assertThat(dryRun.err()).contains("would redrive 2 dead notifications into presence.notifications")
                .doesNotContain("left where they are");
        Result events = audit("redrive", "--key", recipient, "--reason", "invalid-event");
        assertThat(events.code()).isZero();
        assertThat(events.err()).contains("redrove 0 dead notifications", "1 matching dead letters left where they are",
                "(presence.events 1)");
        assertThat(DeadLetterReader.withKey(cluster, cluster.topics().notifications().name(), recipient)).hasSize(2);

        downFor.remove(recipient);
        Result redriven = audit("redrive", "--key", recipient);

        assertThat(redriven.code()).isZero();
        assertThat(redriven.err()).contains("redrove 2 dead notifications into presence.notifications");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedFor(recipient).size() == 2);
        assertThat(receiver.acceptedFor(recipient)).extracting(WebhookReceiver.Request::id)
                .containsExactlyInAnyOrderElementsOf(missed.stream().map(StatusNotification::getId).toList());
        assertThat(receiver.acceptedFor(recipient)).allMatch(WebhookReceiver.Request::signatureValid);
        List<ConsumerRecord<byte[], byte[]>> deadLetters = DeadLetterReader.withKey(cluster, recipient);
        List<ConsumerRecord<byte[], byte[]>> putBack = DeadLetterReader.withKey(cluster, cluster.topics().notifications().name(), recipient).subList(2, 4);
        for (int i = 0; i < 2; i++) {
            assertThat(putBack.get(i).value()).isEqualTo(deadLetters.get(i).value());
            assertThat(putBack.get(i).partition()).isEqualTo(Integer.parseInt(DeadLetterReader.header(deadLetters.get(i), DeadLetterHeaders.PARTITION)));
            assertThat(DeadLetterReader.header(putBack.get(i), DeadLetterHeaders.REDRIVEN_FROM))
                    .isEqualTo(deadLetters.get(i).partition() + "@" + deadLetters.get(i).offset());
            assertThat(DeadLetterReader.header(putBack.get(i), DeadLetterHeaders.REASON)).isNull();
        }
        assertThat(DeadLetterReader.withKey(cluster, recipient)).hasSize(3);
    }

    @Test
    void R_NOT_2_aRedrivenVersionOlderThanOneDeliveredSinceIsDropped() {
        String recipient = unique("r");
        String user = unique("u");
        downFor.add(recipient);
        log.send(TestNotifications.of(recipient, user, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> DeadLetterReader.withKey(cluster, recipient).size() == 1);
        downFor.remove(recipient);
        log.send(TestNotifications.of(recipient, user, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedFor(recipient).size() == 1);
        double staleBefore = Metrics.value(notifier.port(), "presence_notifier_notifications_total", "route=\"stale\"");

        Result redriven = audit("redrive", "--key", recipient);

        assertThat(redriven.err()).contains("redrove 1 dead notifications");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Metrics.value(notifier.port(), "presence_notifier_notifications_total", "route=\"stale\"") == staleBefore + 1);
        assertThat(receiver.acceptedFor(recipient)).extracting(WebhookReceiver.Request::version).containsExactly(2L);
    }

    /** A dead letter as presence-streams writes one for an event that breaks SPEC, under the same key. */
    private static void writeDeadEvent(String key) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(cluster.topics().dlq().name(), null, null, key, new byte[] {0, 0, 0, 0, 1, 2},
                    DeadLetterHeaders.of(null, new DeadLetterHeaders.Cause("presence.events", 2, 17, "validate", "invalid-event",
                            "io.presence.streams.input.InvalidInputException", "deviceId: missing for LOGIN")))).get();
        }
    }

    private record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private static Result audit(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--bootstrap", cluster.bootstrapServers(), "--no-progress")).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditMain.execute(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
