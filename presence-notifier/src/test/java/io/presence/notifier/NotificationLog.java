package io.presence.notifier;

import io.presence.avro.StatusNotification;
import io.presence.schemas.topics.Topic;
import io.presence.testkit.PresenceCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes {@code presence.notifications} the way the fan-out does: keyed by recipientId with the
 * catalogue's serdes (the notifier's real input contract), or raw bytes for bad-input tests.
 */
final class NotificationLog implements AutoCloseable {

    private final Topic<String, StatusNotification> topic;
    private final KafkaProducer<byte[], byte[]> producer;

    NotificationLog(PresenceCluster cluster) {
        this.topic = cluster.topics().notifications();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer());
    }

    RecordMetadata send(StatusNotification notification) {
        return sendAll(List.of(notification)).get(0);
    }

    /** Sends in order (one recipient's records stay ordered in its partition) and waits for every acknowledgement. */
    List<RecordMetadata> sendAll(List<StatusNotification> notifications) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (StatusNotification notification : notifications) {
            acks.add(producer.send(new ProducerRecord<>(topic.name(),
                    topic.keySerde().serializer().serialize(topic.name(), notification.getRecipientId()),
                    topic.valueSerde().serializer().serialize(topic.name(), notification))));
        }
        return acks.stream().map(NotificationLog::await).toList();
    }

    RecordMetadata sendRaw(String key, byte[] value) {
        return await(producer.send(new ProducerRecord<>(topic.name(), key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value)));
    }

    private static RecordMetadata await(Future<RecordMetadata> ack) {
        try {
            return ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("write to presence.notifications failed", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
