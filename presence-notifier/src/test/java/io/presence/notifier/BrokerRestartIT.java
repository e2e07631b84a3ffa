package io.presence.notifier;

import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.StatusNotification;
import io.presence.notifier.app.NotifierService;
import io.presence.testkit.PresenceCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The only broker stops for a while and comes back; the notifier is not restarted. Meanwhile its
 * {@code /health} says 503 (the group cannot be read) and its sockets stay open; afterwards it is 200
 * again and what is written then reaches the same socket, in order after what came before.
 */
class BrokerRestartIT {

    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Test
    void aSocketOpenAcrossABrokerRestartReceivesEveryNotificationInOrder() throws Exception {
        try (PresenceCluster presence = PresenceCluster.onOwnBroker();
             NotificationLog log = new NotificationLog(presence)) {
            NotifierService notifier = new NotifierCluster(presence).start(Map.of());
            String recipient = unique("r");
            String user = unique("u");
            try (TestSocket socket = TestSocket.open(notifier.port(), recipient).awaitReady()) {
                log.sendAll(versions(recipient, user, 1, 3));
                assertThat(socket.awaitVersionsOf(user, 3)).containsExactly(1L, 2L, 3L);

                presence.broker().stop();
                long down = System.nanoTime();
                await().atMost(OUTAGE).until(() -> health(notifier) == 503);
                Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - down).toMillis()));
                presence.broker().startAgain();
                await().atMost(Duration.ofSeconds(30)).until(() -> health(notifier) == 200);
                log.sendAll(versions(recipient, user, 4, 6));

                assertThat(socket.awaitVersionsOf(user, 6)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
                assertThat(socket.isClosed()).as("the socket outlived the outage").isFalse();
            } finally {
                notifier.close();
            }
        }
    }

    private static List<StatusNotification> versions(String recipient, String user, long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(v -> TestNotifications.of(recipient, user, v)).toList();
    }

    private static int health(NotifierService notifier) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + notifier.port() + "/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
