package io.presence.notifier;

import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.presence.avro.StatusNotification;
import io.presence.notifier.app.NotifierService;
import io.presence.notifier.membership.RecipientPartitioner;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two notifier instances in one group share the partitions: each notification is delivered by the
 * instance that owns its recipient's partition, a socket that lands on the other instance is told
 * where to go, and when one instance leaves the other takes over its recipients.
 */
@ExtendWith(PresenceClusterExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static PresenceCluster cluster;
    private static WebhookReceiver receiver;
    private static NotificationLog log;
    private static NotifierService first;
    private static NotifierService second;

    @BeforeAll
    static void start(PresenceCluster presence) {
        cluster = presence;
        receiver = new WebhookReceiver();
        log = new NotificationLog(presence);
        NotifierCluster group = new NotifierCluster(presence);
        first = group.start(instanceEnv());
        second = group.start(instanceEnv());
        await().atMost(Duration.ofSeconds(60)).until(() -> owned(first) > 0 && owned(second) > 0 && owned(first) + owned(second) == 6);
    }

    @AfterAll
    static void stop() {
        log.close();
        second.close();
        first.close();
        receiver.close();
    }

    @Test
    @Order(1)
    void everyNotificationIsDeliveredByExactlyOneInstanceWhileTheGroupIsStable() {
        String prefix = unique("spread");
        double firstBefore = delivered(first);
        double secondBefore = delivered(second);
        List<StatusNotification> notifications = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            notifications.add(TestNotifications.of(prefix + "-" + i, unique("u"), 1));
        }

        log.sendAll(notifications);

        await().atMost(Duration.ofSeconds(30)).until(() -> requestsWithPrefix(prefix).size() >= 60);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> requestsWithPrefix(prefix).size() == 60);
        assertThat(requestsWithPrefix(prefix).stream().map(WebhookReceiver.Request::id).collect(Collectors.toSet()))
                .isEqualTo(notifications.stream().map(StatusNotification::getId).collect(Collectors.toSet()));
        assertThat(delivered(first) - firstBefore).isPositive();
        assertThat(delivered(second) - secondBefore).isPositive();
        assertThat(delivered(first) - firstBefore + delivered(second) - secondBefore).isEqualTo(60);
    }

    @Test
    @Order(2)
    void theRecipientsPartitionIsTheOneTheProducersDefaultPartitionerPicks() {
        RecipientPartitioner partitioner = new RecipientPartitioner(cluster.layout().notifications().partitions());
        for (int i = 0; i < 30; i++) {
            String recipient = unique("p");
            RecordMetadata written = log.send(TestNotifications.of(recipient, unique("u"), 1));
            assertThat(partitioner.partitionOf(recipient)).isEqualTo(written.partition());
        }
    }

    @Test
    @Order(3)
    void aSocketThatLandsOnTheInstanceNotServingItsUserIsRedirectedToTheOneThatDoes() {
        AtomicReference<String> recipient = new AtomicReference<>();
        AtomicReference<TestSocket> turnedAway = new AtomicReference<>();
        // some users are served by the second instance; ask the first until one of them is redirected
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            recipient.set(unique("moving"));
            TestSocket socket = TestSocket.open(first.port(), recipient.get());
            TestSocket.Closed closed = socket.awaitClosedOrReady();
            turnedAway.set(socket);
            return closed != null && closed.code() == 4301;
        });
        JsonNode redirect = turnedAway.get().control("redirect").get(0);
        assertThat(redirect.path("url").asText()).isEqualTo(second.advertisedUrl() + "/v1/notifications");

        try (TestSocket moved = TestSocket.open(URI.create(redirect.path("url").asText() + "?ready=true"), "Bearer " + TestTokens.validFor(recipient.get()))
                .awaitReady()) {
            String user = unique("u");
            log.send(TestNotifications.of(recipient.get(), user, 1));
            assertThat(moved.awaitVersionsOf(user, 1)).containsExactly(1L);
            assertThat(receiver.requestsFor(recipient.get())).isEmpty();
        }
    }

    @Test
    @Order(4)
    void whenAnInstanceLeavesTheOtherServesItsUsersAndTheirSocketsAreToldToReconnect() {
        String servedByFirst = recipientServedBy(first);
        TestSocket socket = TestSocket.open(first.port(), servedByFirst).awaitReady();
        String prefix = unique("after");

        first.close();

        assertThat(socket.awaitClosed().code()).isEqualTo(1012);
        await().atMost(Duration.ofSeconds(30)).until(() -> owned(second) == 6);
        List<StatusNotification> notifications = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            notifications.add(TestNotifications.of(prefix + "-" + i, unique("u"), 1));
        }
        log.sendAll(notifications);
        await().atMost(Duration.ofSeconds(30)).until(() -> requestsWithPrefix(prefix).stream()
                .map(WebhookReceiver.Request::id).collect(Collectors.toSet()).size() == 30);

        try (TestSocket reconnected = TestSocket.open(second.port(), servedByFirst).awaitReady()) {
            String user = unique("u");
            log.send(TestNotifications.of(servedByFirst, user, 1));
            assertThat(reconnected.awaitVersionsOf(user, 1)).containsExactly(1L);
        }
    }

    private static Map<String, String> instanceEnv() {
        Map<String, String> env = new HashMap<>(NotifierCluster.pushingTo(receiver));
        env.putAll(NotifierCluster.onFreePort());
        return env;
    }

    private static String recipientServedBy(NotifierService instance) {
        AtomicReference<String> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.set(unique("served"));
            try (TestSocket socket = TestSocket.open(instance.port(), found.get())) {
                return socket.awaitClosedOrReady() == null;
            }
        });
        return found.get();
    }

    private static List<WebhookReceiver.Request> requestsWithPrefix(String prefix) {
        return receiver.requests().stream().filter(r -> r.recipientId().startsWith(prefix)).toList();
    }

    private static double owned(NotifierService instance) {
        return Metrics.value(instance.port(), "presence_notifier_partitions_owned");
    }

    private static double delivered(NotifierService instance) {
        return Metrics.value(instance.port(), "presence_notifier_push_outcomes_total", "outcome=\"delivered\"");
    }
}
