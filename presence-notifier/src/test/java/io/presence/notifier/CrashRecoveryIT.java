package io.presence.notifier;

import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.StatusNotification;
import io.presence.notifier.app.NotifierService;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kill the notifier (SIGKILL, mid-stream, while pushes are still being retried) and start it again:
 * every notification is delivered; some twice, with equal ids (at-least-once, R-NOT-4).
 */
@ExtendWith(PresenceClusterExtension.class)
class CrashRecoveryIT {

    private static final int NOTIFICATIONS = 300;

    @Test
    void R_NOT_4_aNotifierKilledMidStreamLosesNothingWhenItComesBack(PresenceCluster presence) throws Exception {
        NotifierCluster group = new NotifierCluster(presence);
        String recipientPrefix = unique("crash");
        try (WebhookReceiver receiver = new WebhookReceiver(); NotificationLog log = new NotificationLog(presence)) {
            // a slow receiver that fails the first attempt of every third notification: at the kill,
            // pushes are in flight and waiting for retries
            Set<String> failedOnce = ConcurrentHashMap.newKeySet();
            receiver.answer(body -> {
                WebhookReceiver.pause(50);
                String id = body.path("id").asText();
                return Math.floorMod(id.hashCode(), 3) == 0 && failedOnce.add(id) ? 503 : 200;
            });
            Map<String, String> env = new HashMap<>(group.env(NotifierCluster.pushingTo(receiver)));
            env.putAll(NotifierCluster.onFreePort());
            ChildNotifier first = ChildNotifier.start(env, Path.of("target", "crash-recovery", "first-notifier.log"));

            List<StatusNotification> notifications = new ArrayList<>();
            for (int i = 0; i < NOTIFICATIONS; i++) {
                // 10 recipients: each recipient's pushes go one after another, about 1.5 s for all
                notifications.add(TestNotifications.of(recipientPrefix + "-" + (i % 10), "user-" + i, 1));
            }
            log.sendAll(notifications);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> acceptedIds(receiver, recipientPrefix).size() >= NOTIFICATIONS / 5);
            first.kill();
            int acceptedBeforeRestart = acceptedIds(receiver, recipientPrefix).size();
            assertThat(acceptedBeforeRestart).isLessThan(NOTIFICATIONS);

            NotifierService second = group.start(Map.of("PRESENCE_PUSH_WEBHOOK_URL", receiver.url().toString(),
                    "PRESENCE_PUSH_WEBHOOK_SECRET", WebhookReceiver.SECRET));
            try {
                Set<String> expected = notifications.stream().map(StatusNotification::getId).collect(Collectors.toSet());
                await().atMost(Duration.ofSeconds(90)).until(() -> acceptedIds(receiver, recipientPrefix).containsAll(expected));
                assertThat(acceptedIds(receiver, recipientPrefix)).isEqualTo(expected);
                assertThat(receiver.requests()).filteredOn(r -> r.recipientId().startsWith(recipientPrefix))
                        .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
            } finally {
                second.close();
            }
        }
    }

    private static Set<String> acceptedIds(WebhookReceiver receiver, String recipientPrefix) {
        return receiver.requests().stream()
                .filter(r -> r.recipientId().startsWith(recipientPrefix) && r.accepted())
                .map(WebhookReceiver.Request::id).collect(Collectors.toSet());
    }
}
