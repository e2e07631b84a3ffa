package io.presence.notifier;

import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.StatusNotification;
import io.presence.notifier.app.NotifierService;
import io.presence.schemas.topics.DeadLetterHeaders;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recipients without a live socket are pushed to a webhook receiver (JDK HttpServer) that verifies
 * the signature: 4 attempts, backoff 20 ms doubling up to 100 ms, then presence.dlq.
 */
@ExtendWith(PresenceClusterExtension.class)
class WebhookPushIT {

    private static final int MAX_ATTEMPTS = 4;

    private static PresenceCluster cluster;
    private static WebhookReceiver receiver;
    private static NotifierService notifier;
    private static NotificationLog log;
    // how the receiver answers (default 200): failures left per notification id, a fixed status per recipient, a pause per recipient
    private static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private static final Map<String, Integer> failingRecipients = new ConcurrentHashMap<>();
    private static final Map<String, Long> slowRecipients = new ConcurrentHashMap<>();

    @BeforeAll
    static void start(PresenceCluster presence) {
        cluster = presence;
        receiver = new WebhookReceiver();
        receiver.answer(body -> {
            String recipient = body.path("recipientId").asText();
            Long pause = slowRecipients.get(recipient);
            if (pause != null) {
                WebhookReceiver.pause(pause);
            }
            if (failingRecipients.containsKey(recipient)) {
                return failingRecipients.get(recipient);
            }
            AtomicInteger left = failuresLeft.get(body.path("id").asText());
            return left != null && left.getAndDecrement() > 0 ? 503 : 200;
        });
        // a receiver behind basic auth: the credentials ride in the configured URL
        notifier = new NotifierCluster(presence).start(Map.of("PRESENCE_PUSH_WEBHOOK_URL", receiver.url("push", "p@ss").toString(),
                "PRESENCE_PUSH_WEBHOOK_SECRET", WebhookReceiver.SECRET));
        log = new NotificationLog(presence);
    }

    @AfterAll
    static void stop() {
        log.close();
        notifier.close();
        receiver.close();
    }

    @Test
    void R_NOT_4_aRecipientWithoutSocketIsPushedWithAVerifiableSignatureAndTheNotificationJson() {
        String recipient = unique("r");
        String user = unique("u");
        StatusNotification notification = TestNotifications.of(recipient, user, 3, "listening to music");

        log.send(notification);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedFor(recipient).size() == 1);
        WebhookReceiver.Request push = receiver.acceptedFor(recipient).get(0);
        assertThat(push.signatureValid()).isTrue();
        assertThat(push.signature()).matches("t=\\d{13},v1=[0-9a-f]{64}");
        long signedAt = Long.parseLong(push.signature().substring(2, 15));
        assertThat(signedAt).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
        assertThat(push.body().path("id").asText()).isEqualTo(notification.getId());
        assertThat(push.body().path("recipientId").asText()).isEqualTo(recipient);
        assertThat(push.body().path("userId").asText()).isEqualTo(user);
        assertThat(push.body().path("status").asText()).isEqualTo("ONLINE");
        assertThat(push.body().path("customStatus").asText()).isEqualTo("listening to music");
        assertThat(push.body().path("version").asLong()).isEqualTo(3);
        assertThat(push.body().has("devices")).isFalse();
        assertThat(push.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("push:p@ss".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aReceiverThatFailsTwiceThenRecoversGetsTheNotificationOnTheThirdAttempt() {
        String recipient = unique("r");
        StatusNotification notification = TestNotifications.of(recipient, unique("u"), 1);
        failuresLeft.put(notification.getId(), new AtomicInteger(2));

        log.send(notification);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedFor(recipient).size() == 1);
        assertThat(receiver.requestsFor(recipient)).extracting(WebhookReceiver.Request::answeredWith).containsExactly(503, 503, 200);
        assertThat(receiver.requestsFor(recipient)).extracting(WebhookReceiver.Request::id).containsOnly(notification.getId());
        assertThat(Metrics.value(notifier.port(), "presence_notifier_webhook_failures_total", "status=\"503\"")).isGreaterThanOrEqualTo(2);
        assertThat(DeadLetterReader.withKey(cluster, recipient)).isEmpty();
    }

    @Test
    void aReceiverThatAsksToRetryLaterIsNotAskedAgainSoonerThanTheMaximumBackoff() {
        String recipient = unique("r");
        StatusNotification notification = TestNotifications.of(recipient, unique("u"), 1);
        failuresLeft.put(notification.getId(), new AtomicInteger(1));
        receiver.askToRetryAfter(recipient, "1");

        log.send(notification);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedFor(recipient).size() == 1);
        List<WebhookReceiver.Request> requests = receiver.requestsFor(recipient);
        assertThat(requests).extracting(WebhookReceiver.Request::answeredWith).containsExactly(503, 200);
        // without it the first backoff here is 20 ms ± 50 %; with it, the second it asks for, capped at max-backoff (100 ms)
        assertThat(Duration.ofNanos(requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(95));
    }

    @Test
    void R_NOT_4_aReceiverThatNeverRecoversGetsEachNotificationMaxAttemptsTimesThenItIsDeadLetteredOnce() {
        String recipient = unique("r");
        failingRecipients.put(recipient, 500);
        double deadLettersBefore = Metrics.value(notifier.port(), "presence_dlq_records_total", "reason=\"webhook-retries-exhausted\"");
        List<StatusNotification> notifications = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            notifications.add(TestNotifications.of(recipient, unique("u"), i));
        }

        List<RecordMetadata> written = log.sendAll(notifications);

        await().atMost(Duration.ofSeconds(30)).until(() -> DeadLetterReader.withKey(cluster, recipient).size() >= 3);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> DeadLetterReader.withKey(cluster, recipient).size() == 3);
        List<ConsumerRecord<byte[], byte[]>> deadLetters = DeadLetterReader.withKey(cluster, recipient);
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<byte[], byte[]> letter = deadLetters.get(i);
            assertThat(cluster.topics().notifications().valueSerde().deserializer().deserialize("presence.notifications", letter.value()))
                    .isEqualTo(notifications.get(i));
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.TOPIC)).isEqualTo("presence.notifications");
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.PARTITION)).isEqualTo(Integer.toString(written.get(i).partition()));
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.OFFSET)).isEqualTo(Long.toString(written.get(i).offset()));
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.REASON)).isEqualTo("webhook-retries-exhausted");
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.STAGE)).isEqualTo("push");
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.EXCEPTION)).isNotBlank();
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.MESSAGE)).contains("HTTP 500", "attempt 4 of 4");
        }
        assertThat(receiver.requestsFor(recipient)).hasSize(3 * MAX_ATTEMPTS);
        await().atMost(Duration.ofSeconds(5)).until(() -> Metrics.value(notifier.port(), "presence_dlq_records_total",
                "reason=\"webhook-retries-exhausted\"") == deadLettersBefore + 3);
    }

    @Test
    void R_NOT_2_aNewerVersionNeverOvertakesAnOlderOneThatIsStillRetried() {
        String recipient = unique("r");
        String user = unique("u");
        StatusNotification older = TestNotifications.of(recipient, user, 1);
        StatusNotification newer = TestNotifications.of(recipient, user, 2);
        failuresLeft.put(older.getId(), new AtomicInteger(3));

        log.sendAll(List.of(older, newer));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedFor(recipient).size() == 2);
        assertThat(receiver.requestsFor(recipient)).extracting(WebhookReceiver.Request::version).containsExactly(1L, 1L, 1L, 1L, 2L);
        assertThat(receiver.acceptedFor(recipient)).extracting(WebhookReceiver.Request::version).containsExactly(1L, 2L);
    }

    @Test
    void noMoreThanMaxConcurrentRequestsAreOpenAtOnceAndTheOthersWaitTheirTurn() {
        // an instance of its own (its own group and receiver), so the shared one's pushes do not count here
        try (WebhookReceiver slow = new WebhookReceiver();
             NotifierService capped = new NotifierCluster(cluster).start(Map.of(
                     "PRESENCE_PUSH_WEBHOOK_URL", slow.url().toString(), "PRESENCE_PUSH_WEBHOOK_SECRET", WebhookReceiver.SECRET,
                     "PRESENCE_PUSH_MAX_CONCURRENT_REQUESTS", "3"))) {
            slow.answer(body -> {
                WebhookReceiver.pause(300);
                return 200;
            });
            List<StatusNotification> burst = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                burst.add(TestNotifications.of(unique("r"), unique("u"), 1));
            }

            log.sendAll(burst);

            await().atMost(Duration.ofSeconds(30)).until(() -> slow.requests().stream().filter(WebhookReceiver.Request::accepted).count() == 12);
            assertThat(slow.mostConcurrentRequests()).isBetween(2, 3);
            assertThat(slow.requests()).extracting(WebhookReceiver.Request::id)
                    .containsExactlyInAnyOrderElementsOf(burst.stream().map(StatusNotification::getId).toList());
        }
    }

    @Test
    void oneRecipientsSlowFailingWebhookDoesNotHoldUpAnotherRecipient() {
        String stuck = unique("stuck");
        String other = unique("other");
        slowRecipients.put(stuck, 1500L);
        failingRecipients.put(stuck, 503);

        long start = System.nanoTime();
        log.sendAll(List.of(TestNotifications.of(stuck, unique("u"), 1), TestNotifications.of(other, unique("u"), 1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedFor(other).size() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        // the stuck recipient is still being retried (4 attempts of 1.5 s each)
        assertThat(receiver.requestsFor(stuck).size()).isLessThan(MAX_ATTEMPTS);
    }
}
