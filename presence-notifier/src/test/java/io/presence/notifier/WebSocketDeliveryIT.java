package io.presence.notifier;

import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.presence.avro.GeneralStatus;
import io.presence.avro.NotificationReason;
import io.presence.avro.StatusNotification;
import io.presence.notifier.app.NotifierService;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Notifications produced to presence.notifications reach the recipient's WebSockets (one notifier, no webhook). */
@ExtendWith(PresenceClusterExtension.class)
class WebSocketDeliveryIT {

    private static NotifierService notifier;
    private static NotificationLog log;

    @BeforeAll
    static void start(PresenceCluster presence) {
        notifier = new NotifierCluster(presence).start(Map.of());
        log = new NotificationLog(presence);
    }

    @AfterAll
    static void stop() {
        log.close();
        notifier.close();
    }

    @Test
    void R_NOT_2_aSocketReceivesAUsersChangesInVersionOrderAndNoOlderOneAfterANewer() {
        String recipient = unique("r");
        String user = unique("u");
        try (TestSocket socket = TestSocket.open(notifier.port(), recipient).awaitReady()) {
            List<StatusNotification> changes = new ArrayList<>();
            for (long version = 1; version <= 5; version++) {
                changes.add(TestNotifications.of(recipient, user, version));
            }
            // a re-read of older versions (as after a rebalance), then the next change
            changes.add(TestNotifications.of(recipient, user, 3));
            changes.add(TestNotifications.of(recipient, user, 5));
            changes.add(TestNotifications.of(recipient, user, 6));
            log.sendAll(changes);

            assertThat(socket.awaitVersionsOf(user, 6)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            await().during(Duration.ofMillis(500)).until(() -> socket.versionsOf(user).size() == 6);
        }
    }

    @Test
    void R_NOT_4_aFrameIsTheUsersStatusWithoutDevicesPlusTheNotificationIdAndRecipient() {
        String recipient = unique("r");
        String user = unique("u");
        Instant changedAt = Instant.parse("2026-11-26T10:00:00.123Z");
        try (TestSocket socket = TestSocket.open(notifier.port(), recipient).awaitReady()) {
            log.send(StatusNotification.newBuilder().setId("n-" + recipient).setRecipientId(recipient).setUserId(user)
                    .setStatus(GeneralStatus.OFFLINE).setCustomStatus("").setVersion(7).setLastChangedAt(changedAt)
                    .setLastSeenAt(changedAt.minusSeconds(1)).setReason(NotificationReason.FRIEND).build());

            await().atMost(Duration.ofSeconds(30)).until(() -> !socket.notifications().isEmpty());
            JsonNode frame = socket.notifications().get(0);
            assertThat(frame.toString()).isEqualTo("{\"id\":\"n-" + recipient + "\",\"recipientId\":\"" + recipient
                    + "\",\"userId\":\"" + user + "\",\"status\":\"OFFLINE\",\"customStatus\":\"\",\"version\":7,"
                    + "\"lastChangedAt\":" + changedAt.toEpochMilli() + ",\"lastSeenAt\":" + (changedAt.toEpochMilli() - 1000)
                    + ",\"reason\":\"FRIEND\"}");
        }
    }

    @Test
    void aSocketThatDidNotAskForTheReadyFrameGetsNothingButNotifications() {
        String recipient = unique("r");
        String user = unique("u");
        URI plain = URI.create("ws://localhost:" + notifier.port() + "/v1/notifications");
        try (TestSocket listening = TestSocket.open(plain, "Bearer " + TestTokens.validFor(recipient));
             TestSocket announced = TestSocket.open(notifier.port(), recipient).awaitReady()) {
            log.send(TestNotifications.of(recipient, user, 1));

            assertThat(listening.awaitVersionsOf(user, 1)).containsExactly(1L);
            assertThat(announced.awaitVersionsOf(user, 1)).containsExactly(1L);
            assertThat(listening.frames()).as("SPEC §9: each frame one notification").hasSize(1)
                    .allSatisfy(frame -> assertThat(frame.has("type")).isFalse());
        }
    }

    @Test
    void twoSocketsOfOneUserBothReceiveEveryNotification() {
        String recipient = unique("r");
        String user = unique("u");
        try (TestSocket phone = TestSocket.open(notifier.port(), recipient).awaitReady();
             TestSocket browser = TestSocket.openWithQueryToken(notifier.port(), recipient).awaitReady()) {
            log.sendAll(List.of(TestNotifications.of(recipient, user, 1), TestNotifications.of(recipient, user, 2, "in a meeting")));

            assertThat(phone.awaitVersionsOf(user, 2)).containsExactly(1L, 2L);
            assertThat(browser.awaitVersionsOf(user, 2)).containsExactly(1L, 2L);
            assertThat(browser.notifications()).extracting(n -> n.path("id").asText())
                    .containsExactlyElementsOf(phone.notifications().stream().map(n -> n.path("id").asText()).toList());
        }
    }

    @Test
    void aSocketGetsOnlyTheNotificationsOfTheUserItsTokenNames() {
        String alice = unique("alice");
        String bob = unique("bob");
        String user = unique("u");
        try (TestSocket aliceSocket = TestSocket.open(notifier.port(), alice).awaitReady();
             TestSocket bobSocket = TestSocket.open(notifier.port(), bob).awaitReady()) {
            log.sendAll(List.of(TestNotifications.of(bob, user, 1), TestNotifications.of(alice, user, 1)));

            aliceSocket.awaitVersionsOf(user, 1);
            bobSocket.awaitVersionsOf(user, 1);
            assertThat(aliceSocket.notifications()).extracting(n -> n.path("recipientId").asText()).containsOnly(alice);
            assertThat(bobSocket.notifications()).extracting(n -> n.path("recipientId").asText()).containsOnly(bob);
        }
    }

    @Test
    void metricsCountOpenSocketsFramesSentAndTheDeliveryLag() {
        String recipient = unique("r");
        double framesBefore = Metrics.value(notifier.port(), "presence_notifier_frames_sent_total");
        try (TestSocket socket = TestSocket.open(notifier.port(), recipient).awaitReady()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value(notifier.port(), "presence_notifier_sockets_open") >= 1);
            log.send(TestNotifications.of(recipient, unique("u"), 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> socket.notifications().size() == 1);

            // the ready frame and the notification
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Metrics.value(notifier.port(), "presence_notifier_frames_sent_total") >= framesBefore + 2);
            assertThat(Metrics.value(notifier.port(), "presence_notifier_delivery_lag_seconds_count", "channel=\"websocket\"")).isGreaterThanOrEqualTo(1);
            assertThat(Metrics.value(notifier.port(), "presence_notifier_notifications_total", "route=\"live\"")).isGreaterThanOrEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Metrics.value(notifier.port(), "presence_notifier_sockets_closed_total", "reason=\"client\"") >= 1);
    }
}
