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
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records on presence.notifications that are not valid notifications go to presence.dlq, counted; delivery goes on (SPEC §10). */
@ExtendWith(PresenceClusterExtension.class)
class BadNotificationIT {

    private static PresenceCluster cluster;
    private static NotifierService notifier;
    private static NotificationLog log;

    @BeforeAll
    static void start(PresenceCluster presence) {
        cluster = presence;
        notifier = new NotifierCluster(presence).start(Map.of());
        log = new NotificationLog(presence);
    }

    @AfterAll
    static void stop() {
        log.close();
        notifier.close();
    }

    @Test
    void anUndecodableRecordIsDeadLetteredWithItsBytesAndTheNextNotificationIsStillDelivered() {
        String recipient = unique("r");
        String user = unique("u");
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        try (TestSocket socket = TestSocket.open(notifier.port(), recipient).awaitReady()) {
            RecordMetadata bad = log.sendRaw(recipient, garbage);
            log.send(TestNotifications.of(recipient, user, 1));

            assertThat(socket.awaitVersionsOf(user, 1)).containsExactly(1L);
            await().atMost(Duration.ofSeconds(30)).until(() -> DeadLetterReader.withKey(cluster, recipient).size() == 1);
            ConsumerRecord<byte[], byte[]> letter = DeadLetterReader.withKey(cluster, recipient).get(0);
            assertThat(letter.value()).isEqualTo(garbage);
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.REASON)).isEqualTo("undecodable");
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.STAGE)).isEqualTo("decode");
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.OFFSET)).isEqualTo(Long.toString(bad.offset()));
            assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.EXCEPTION)).contains("SerializationException");
            await().atMost(Duration.ofSeconds(5)).until(() -> Metrics.value(notifier.port(), "presence_dlq_records_total",
                    "reason=\"undecodable\"") >= 1);
        }
    }

    @Test
    void aNotificationWhoseKeyIsNotItsRecipientIsDeadLetteredAsInvalid() {
        String recipient = unique("r");
        String wrongKey = unique("k");
        StatusNotification notification = TestNotifications.of(recipient, unique("u"), 1);

        byte[] value = cluster.topics().notifications().valueSerde().serializer().serialize("presence.notifications", notification);
        log.sendRaw(wrongKey, value);

        await().atMost(Duration.ofSeconds(30)).until(() -> DeadLetterReader.withKey(cluster, wrongKey).size() == 1);
        ConsumerRecord<byte[], byte[]> letter = DeadLetterReader.withKey(cluster, wrongKey).get(0);
        assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.REASON)).isEqualTo("invalid-notification");
        assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.MESSAGE)).contains("key is not the recipientId");
        assertThat(letter.value()).isEqualTo(value);
    }
}
