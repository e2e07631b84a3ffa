package io.presence.notifier;

import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.StatusNotification;
import io.presence.notifier.app.NotifierService;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.topics.Topic;
import io.presence.testkit.NewerSchemaWriter;
import io.presence.testkit.PresenceCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A notification written with a schema id the notifier has not seen (a newer, compatible producer)
 * while the schema registry is down waits for the registry — it is not dead-lettered — and reaches the
 * socket once the registry is back; other recipients' notifications go on meanwhile, on the same
 * delivery thread. Its own broker and registry, since it stops the registry.
 */
class RegistryOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(6);

    @Test
    void aNotificationOfASchemaIdNewToTheNotifierWaitsOutARegistryOutage() {
        try (PresenceCluster presence = PresenceCluster.onOwnBroker(); NotificationLog log = new NotificationLog(presence)) {
            // one delivery thread: every recipient shares the waiting notification's
            NotifierService notifier = new NotifierCluster(presence).start(Map.of("PRESENCE_NOTIFIER_DELIVERY_THREADS", "1"));
            Topic<String, StatusNotification> notifications = presence.topics().notifications();
            // through a client of its own: the notifier here shares the cluster's client and with it its cache of ids
            NewerSchemaWriter newerFanout = NewerSchemaWriter.registeredFor(new SchemaRegistryClient(presence.registryUrl()),
                    notifications.name(), StatusNotification.getClassSchema());
            String waiting = unique("waiting");
            List<String> others = IntStream.range(0, 3).mapToObj(i -> unique("other")).toList();
            String user = unique("u");
            try (TestSocket waitingSocket = TestSocket.open(notifier.port(), waiting).awaitReady()) {
                List<TestSocket> otherSockets = others.stream().map(o -> TestSocket.open(notifier.port(), o).awaitReady()).toList();
                presence.stopRegistry();
                log.sendRaw(waiting, newerFanout.rewrite(notifications.valueSerde().serializer()
                        .serialize(notifications.name(), TestNotifications.of(waiting, user, 1))));
                log.sendAll(others.stream().map(o -> TestNotifications.of(o, user, 1)).toList());

                otherSockets.forEach(socket -> assertThat(socket.awaitVersionsOf(user, 1)).containsExactly(1L));
                await().during(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() ->
                        waitingSocket.notifications().isEmpty() && DeadLetterReader.withKey(presence, waiting).isEmpty());
                presence.startRegistryAgain();

                assertThat(waitingSocket.awaitVersionsOf(user, 1)).containsExactly(1L);
                assertThat(DeadLetterReader.withKey(presence, waiting)).isEmpty();
                otherSockets.forEach(TestSocket::close);
            } finally {
                notifier.close();
            }
        }
    }
}
