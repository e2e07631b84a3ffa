package io.presence.streams.audit;

import io.presence.schemas.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;

/**
 * Puts dead-lettered notifications back into the notifications topic, each into the partition it
 * was read from (its recipient's: the notifier instance that owns it serves the recipient's sockets),
 * with its own key, value and headers and a header naming the dead letter it came from. The notifier
 * then treats it as any notification: a live socket, else the webhook, else the dead letters again.
 */
final class NotificationRedrive implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final int partitions;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstError = new AtomicReference<>();

    NotificationRedrive(AuditCluster cluster, String topic) {
        this.topic = topic;
        this.partitions = cluster.partitions(topic);
        this.producer = cluster.producer();
    }

    void send(DeadLetter letter) {
        int source = letter.cause().orElseThrow().partition();
        Headers headers = DeadLetterHeaders.original(letter.headers());
        headers.remove(DeadLetterHeaders.REDRIVEN_FROM);
        headers.add(DeadLetterHeaders.REDRIVEN_FROM, letter.position().getBytes(StandardCharsets.UTF_8));
        // the topic cannot shrink; if it grew, the key picks the partition as the fan-out's producer does
        Integer partition = source < partitions ? source : null;
        try {
            producer.send(new ProducerRecord<>(topic, partition, null, letter.key(), letter.value(), headers), (metadata, error) -> {
                if (error == null) {
                    written.incrementAndGet();
                } else {
                    failed(error);
                }
            });
        } catch (KafkaException e) {
            failed(e);
        }
    }

    private void failed(Exception error) {
        failed.incrementAndGet();
        firstError.compareAndSet(null, error);
    }

    /** Waits until Kafka took or refused every record sent; how many it took. */
    long finish() {
        producer.flush();
        if (failed.get() > 0) {
            throw new AuditException(String.format("%,d notifications redriven, %,d could not be written to %s (%s); "
                            + "running the same redrive again is safe: a notification delivered twice carries the same id",
                    written.get(), failed.get(), topic, firstError.get().getMessage()), ExitCodes.UNAVAILABLE, firstError.get());
        }
        return written.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
