package io.presence.bench.fanout;

import io.presence.avro.NotificationReason;
import io.presence.avro.StatusNotification;
import io.presence.bench.report.Throughput;
import io.presence.schemas.topics.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The fan-out's baseline: the same notifications — one per subscriber plus the target's own,
 * keyed by recipient, encoded with the catalogue's serde — written by a plain producer with Kafka
 * Streams' producer settings (acks=all, idempotent, linger 100 ms, no compression) but no
 * transaction and no state, into a topic of its own with the partition count of
 * {@code presence.notifications}. Done when every record is acknowledged.
 */
final class RawNotificationRun {

    private final String bootstrap;
    private final Topic<String, StatusNotification> notifications;
    private final String rawTopic;

    RawNotificationRun(String bootstrap, Topic<String, StatusNotification> notifications, String rawTopic) {
        this.bootstrap = bootstrap;
        this.notifications = notifications;
        this.rawTopic = rawTopic;
    }

    /** Writes the notifications of {@code change} (the target's SELF notification) to every recipient of the run. */
    Throughput send(FanoutUsers users, StatusNotification change) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (Producer<byte[], byte[]> producer = producer()) {
            producer.partitionsFor(rawTopic);
            long started = System.nanoTime();
            send(producer, change, users.target(), NotificationReason.SELF, failure);
            for (int i = 0; i < users.subscribers(); i++) {
                send(producer, change, users.subscriber(i), NotificationReason.SUBSCRIBER, failure);
            }
            producer.flush();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (failure.get() != null) {
                throw new IllegalStateException("the raw producer failed: " + failure.get(), failure.get());
            }
            return new Throughput(users.subscribers() + 1L, elapsed);
        }
    }

    private void send(Producer<byte[], byte[]> producer, StatusNotification change, String recipient, NotificationReason reason,
                      AtomicReference<Exception> failure) {
        StatusNotification notification = StatusNotification.newBuilder(change)
                .setId(change.getUserId() + ':' + change.getVersion() + ':' + recipient)
                .setRecipientId(recipient)
                .setReason(reason)
                .build();
        // encoded for presence.notifications, as Streams' sink encodes them: the same bytes, no new subject
        producer.send(new ProducerRecord<>(rawTopic, notifications.keySerde().serializer().serialize(notifications.name(), recipient),
                notifications.valueSerde().serializer().serialize(notifications.name(), notification)), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
    }

    private Producer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "presence-bench-raw-notifications",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 100),
                new ByteArraySerializer(), new ByteArraySerializer());
    }
}
