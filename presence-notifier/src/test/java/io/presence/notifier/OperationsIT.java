package io.presence.notifier;

import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.avro.StatusNotification;
import io.presence.config.PresenceConfigLoader;
import io.presence.notifier.app.NotifierConfig;
import io.presence.notifier.app.NotifierService;
import io.presence.testkit.FreePort;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /health, /metrics, the no-webhook case and shutdown, as an operator sees them. */
@ExtendWith(PresenceClusterExtension.class)
class OperationsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void healthIs503WithTheReasonWhileKafkaCannotBeReached(PresenceCluster presence) throws Exception {
        Map<String, String> env = new HashMap<>(new NotifierCluster(presence).env(Map.of()));
        env.put("PRESENCE_KAFKA_BOOTSTRAP", "localhost:" + FreePort.find());
        NotifierService notifier = new NotifierService(NotifierConfig.from(PresenceConfigLoader.load(env)), presence.topics()).start();
        try {
            HttpResponse<String> health = get(notifier.port(), "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(new ObjectMapper().readTree(health.body()).path("code").asInt()).isEqualTo(50301);
        } finally {
            notifier.close();
        }
    }

    @Test
    void aRecipientWithNoSocketAndNoWebhookIsCountedAsUndeliverableAndItsOffsetIsCommitted(PresenceCluster presence) {
        NotifierCluster group = new NotifierCluster(presence);
        NotifierService notifier = group.start(Map.of());
        try (NotificationLog log = new NotificationLog(presence)) {
            double before = Metrics.value(notifier.port(), "presence_notifier_notifications_total", "route=\"no-webhook\"");

            RecordMetadata written = log.send(TestNotifications.of(unique("nobody"), unique("u"), 1));

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Metrics.value(notifier.port(), "presence_notifier_notifications_total", "route=\"no-webhook\"") == before + 1);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    GroupOffsets.committed(presence, group.groupId(), written.partition()) >= written.offset() + 1);
        } finally {
            notifier.close();
        }
    }

    @Test
    void consumptionPausesWhileTooManyNotificationsAreUnfinishedAndResumesWhenTheyAreDone(PresenceCluster presence) {
        String prefix = unique("busy");
        try (WebhookReceiver receiver = new WebhookReceiver(); NotificationLog log = new NotificationLog(presence)) {
            receiver.answer(body -> {
                WebhookReceiver.pause(1500);
                return 200;
            });
            Map<String, String> env = new HashMap<>(NotifierCluster.pushingTo(receiver));
            env.put("PRESENCE_NOTIFIER_MAX_IN_FLIGHT", "10");
            NotifierService notifier = new NotifierCluster(presence).start(env);
            try {
                List<StatusNotification> notifications = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    notifications.add(TestNotifications.of(prefix + "-" + i, unique("u"), 1));
                }
                log.sendAll(notifications);

                await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value(notifier.port(), "presence_notifier_consumption_paused") == 1);
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        receiver.requests().stream().filter(r -> r.recipientId().startsWith(prefix)).count() == 40);
                await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value(notifier.port(), "presence_notifier_consumption_paused") == 0
                        && Metrics.value(notifier.port(), "presence_notifier_in_flight") == 0);
            } finally {
                notifier.close();
            }
        }
    }

    @Test
    void metricsExposeTheNotifiersSeriesFromTheStart(PresenceCluster presence) throws Exception {
        NotifierService notifier = new NotifierCluster(presence).start(Map.of());
        try {
            String metrics = get(notifier.port(), "/metrics").body();
            assertThat(metrics).contains(
                    "presence_notifier_sockets_open ",
                    "presence_notifier_frames_sent_total ",
                    "presence_notifier_notifications_total{route=\"live\"}",
                    "presence_notifier_push_outcomes_total{outcome=\"dead-lettered\"}",
                    "presence_notifier_retry_queue_depth ",
                    "presence_notifier_in_flight ",
                    "presence_notifier_partitions_owned ",
                    "presence_notifier_consumption_paused ",
                    "presence_notifier_delivery_lag_seconds_bucket{channel=\"webhook\"",
                    "presence_dlq_records_total{reason=\"webhook-retries-exhausted\",stage=\"push\"}",
                    "presence_notifier_webhook_successes_total ",
                    "kafka_consumer_");
        } finally {
            notifier.close();
        }
    }

    @Test
    void aCleanShutdownClosesSocketsWithACodeThatSaysReconnect(PresenceCluster presence) {
        NotifierService notifier = new NotifierCluster(presence).start(Map.of());
        TestSocket socket = TestSocket.open(notifier.port(), unique("r")).awaitReady();

        notifier.close();

        assertThat(socket.awaitClosed().code()).isIn(1001, 1012);
        notifier.close();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
