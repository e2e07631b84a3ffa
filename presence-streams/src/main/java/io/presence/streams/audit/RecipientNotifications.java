package io.presence.streams.audit;

import io.presence.avro.StatusNotification;
import io.presence.schemas.serde.AvroWireSerde;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What one recipient was sent: its records of {@code presence.notifications}, read from its partition
 * only (the notifications are keyed by recipient). The fan-out wrote them; whether a socket or the
 * webhook took each is the notifier's to count, and what the webhook never took is in the dead letters.
 */
final class RecipientNotifications {

    /** One notification as it sits in the log. */
    record Sent(int partition, long offset, Instant loggedAt, StatusNotification notification) {
    }

    private final AuditCluster cluster;
    private final String topic;

    RecipientNotifications(AuditCluster cluster, String topic) {
        this.cluster = cluster;
        this.topic = topic;
    }

    /**
     * @param userId only notifications about this user, or null; @param window held against when each was logged
     * @return how many of the recipient's records could not be decoded (the notifier dead-lettered those)
     */
    long run(String recipientId, String userId, TimeWindow window, ProgressDisplay display, Consumer<Sent> sink) {
        TopicPartition tp = new TopicPartition(topic, UserPartition.of(recipientId, cluster.partitions(topic)));
        AvroWireSerde<StatusNotification> serde = cluster.notificationSerde();
        long[] undecodable = {0};
        try (KafkaConsumer<String, byte[]> consumer = cluster.consumer()) {
            Map<TopicPartition, Long> ends = LogScan.endsNow(consumer, List.of(tp));
            try (ReplayProgress progress = display.start("notifications", ends.get(tp))) {
                LogScan.scan(consumer, ends, progress, record -> {
                    Instant loggedAt = Instant.ofEpochMilli(record.timestamp());
                    if (recipientId.equals(record.key()) && window.contains(loggedAt)) {
                        StatusNotification notification = decoded(serde, record.value());
                        if (notification == null) {
                            undecodable[0]++;
                        } else if (userId == null || userId.equals(notification.getUserId())) {
                            sink.accept(new Sent(record.partition(), record.offset(), loggedAt, notification));
                        }
                    }
                });
            }
        }
        return undecodable[0];
    }

    private StatusNotification decoded(AvroWireSerde<StatusNotification> serde, byte[] value) {
        try {
            return serde.deserialize(topic, value);
        } catch (SerializationException e) {
            AuditException.stopIfRegistryUnavailable(e);
            return null;
        }
    }
}
