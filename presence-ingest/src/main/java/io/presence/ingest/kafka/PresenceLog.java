package io.presence.ingest.kafka;

import io.presence.avro.PresenceEvent;
import io.presence.avro.SubscriptionCommand;
import io.presence.config.KafkaConnection;
import io.presence.http.ApiException;
import io.presence.schemas.topics.Topic;
import io.presence.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Appends to the topics ingest writes ({@code presence.events}, {@code presence.subscriptions}) and
 * completes only when Kafka has acknowledged every record with acks=all: a completed append is
 * durable. An append that is not acknowledged within the write timeout fails with 50301.
 *
 * <p>Values are encoded with the catalogue's serdes before sending, so one idempotent producer
 * serves both topics.
 */
public final class PresenceLog implements AutoCloseable {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Producer<byte[], byte[]> producer;
    private final Topic<String, PresenceEvent> events;
    private final Topic<String, SubscriptionCommand> subscriptions;
    private final Duration writeTimeout;

    public PresenceLog(Producer<byte[], byte[]> producer, Topics topics, Duration writeTimeout) {
        this.producer = producer;
        this.events = topics.events();
        this.subscriptions = topics.subscriptions();
        this.writeTimeout = writeTimeout;
    }

    /**
     * A producer for which a record is either acknowledged by all in-sync replicas or failed within
     * {@code writeTimeout}: delivery.timeout.ms bounds the wait for acks (retries included) and
     * max.block.ms the wait for metadata or buffer space inside {@code send()}.
     */
    public static Producer<byte[], byte[]> newProducer(KafkaConnection kafka, String clientId, Duration writeTimeout) {
        long timeoutMs = writeTimeout.toMillis();
        // No linger: a gateway call's events are all handed to the producer at once, so waiting for more
        // only delays its answer (5 ms here cost every call and every notification 4-5 ms at the median).
        // Under load, records still share batches while earlier requests are in flight.
        long lingerMs = 0;
        Map<String, Object> config = kafka.clientProperties(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, timeoutMs - lingerMs),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs));
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Appends events keyed by their userId, in order (one user's events share a partition, so they stay ordered). */
    public CompletableFuture<Void> appendEvents(List<PresenceEvent> batch) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(batch.size());
        for (PresenceEvent event : batch) {
            records.add(encode(events, event.getUserId(), event));
        }
        return appendAll(records);
    }

    /** Appends a subscription command keyed by its subscriber. */
    public CompletableFuture<Void> appendSubscription(SubscriptionCommand command) {
        return appendAll(List.of(encode(subscriptions, command.getSubscriberId(), command)));
    }

    /** Sends what is still buffered and closes the producer, waiting at most the write timeout. */
    @Override
    public void close() {
        producer.close(writeTimeout);
    }

    private CompletableFuture<Void> appendAll(List<ProducerRecord<byte[], byte[]>> records) {
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> record : records) {
            CompletableFuture<RecordMetadata> ack = send(record);
            acks.add(ack);
            // a metadata wait that timed out fails at once; each further send would block max.block.ms again
            if (ack.isCompletedExceptionally()) {
                break;
            }
        }
        long remaining = Math.max(0, deadline - System.nanoTime());
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .orTimeout(remaining, TimeUnit.NANOSECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(unavailable(records.size(), failure)));
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    ack.complete(metadata);
                } else {
                    ack.completeExceptionally(error);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private ApiException unavailable(int count, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return ApiException.unavailable("Kafka did not acknowledge " + (count == 1 ? "the write" : "all " + count + " writes")
                + " within " + writeTimeout.toMillis() + " ms, so the call is not durable (some writes may have"
                + " landed); retry it", RETRY_AFTER, cause);
    }

    private static <V> ProducerRecord<byte[], byte[]> encode(Topic<String, V> topic, String key, V value) {
        return new ProducerRecord<>(topic.name(),
                topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value));
    }
}
