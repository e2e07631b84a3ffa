package io.presence.bench.e2e;

import io.presence.config.KafkaConnection;
import io.presence.ingest.kafka.PresenceLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The baseline's input: one tick's changes written by a producer with ingest's own settings
 * ({@code PresenceLog.newProducer}: acks=all, idempotent, same linger and compression), keyed by
 * user as ingest keys events, the value the version the change would have. Completes when all are acknowledged.
 */
final class ProducerSender implements TickSender, AutoCloseable {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final ChangePlan plan;
    private final String topic;
    private final Producer<byte[], byte[]> producer;

    ProducerSender(String bootstrap, ChangePlan plan, String topic) {
        this.plan = plan;
        this.topic = topic;
        this.producer = PresenceLog.newProducer(KafkaConnection.to(bootstrap), "presence-bench-passthrough-producer", WRITE_TIMEOUT);
    }

    @Override
    public CompletableFuture<?> send(List<Phase.Change> changes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger waiting = new AtomicInteger(changes.size());
        try {
            for (Phase.Change change : changes) {
                byte[] key = plan.userId(change.user()).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, key, value(ChangePlan.version(change.change()))), (metadata, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else if (waiting.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                });
            }
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** The record value: the version, 8 bytes big-endian, as {@link CommittedReader#PASSTHROUGH} reads it. */
    static byte[] value(long version) {
        return ByteBuffer.allocate(Long.BYTES).putLong(version).array();
    }

    @Override
    public void close() {
        producer.close();
    }
}
