package io.presence.notifier;

import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.notifier.app.NotifierService;
import io.presence.notifier.membership.RecipientPartitioner;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Offsets are committed only up to the lowest notification not yet finished: one still being retried
 * holds its partition's commit back even when later ones were delivered, so a crash cannot lose it.
 */
@ExtendWith(PresenceClusterExtension.class)
class OffsetCommitIT {

    @Test
    void aNotificationStillBeingRetriedHoldsBackTheCommitOfItsPartitionUntilItIsDeadLettered(PresenceCluster presence) {
        String failing = unique("failing");
        RecipientPartitioner partitioner = new RecipientPartitioner(presence.layout().notifications().partitions());
        String healthy = sharingThePartitionOf(failing, partitioner);
        NotifierCluster group = new NotifierCluster(presence);
        try (WebhookReceiver receiver = new WebhookReceiver(); NotificationLog log = new NotificationLog(presence)) {
            receiver.answer(body -> failing.equals(body.path("recipientId").asText()) ? 503 : 200);
            Map<String, String> env = new HashMap<>(NotifierCluster.pushingTo(receiver));
            // about 3 s of retries: 4 attempts, waits of 1 s
            env.put("PRESENCE_PUSH_RETRY_INITIAL_BACKOFF", "1s");
            env.put("PRESENCE_PUSH_RETRY_MAX_BACKOFF", "1s");
            env.put("PRESENCE_PUSH_RETRY_JITTER", "0");
            NotifierService notifier = group.start(env);
            try {
                List<RecordMetadata> written = log.sendAll(List.of(
                        TestNotifications.of(failing, unique("u"), 1), TestNotifications.of(healthy, unique("u"), 1)));
                int partition = written.get(0).partition();
                long retried = written.get(0).offset();

                await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acceptedFor(healthy).size() == 1);
                // several commit intervals (200 ms) pass while the first is retried: the commit stays on it
                await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                        .until(() -> GroupOffsets.committed(presence, group.groupId(), partition) == retried);

                await().atMost(Duration.ofSeconds(20)).until(() -> GroupOffsets.committed(presence, group.groupId(), partition)
                        == written.get(1).offset() + 1);
                assertThat(DeadLetterReader.withKey(presence, failing)).hasSize(1);
            } finally {
                notifier.close();
            }
        }
    }

    private static String sharingThePartitionOf(String recipient, RecipientPartitioner partitioner) {
        while (true) {
            String candidate = unique("healthy");
            if (partitioner.partitionOf(candidate) == partitioner.partitionOf(recipient)) {
                return candidate;
            }
        }
    }
}
