package io.presence.bench.e2e;

import io.presence.avro.StatusNotification;
import io.presence.config.KafkaConnection;
import io.presence.notifier.intake.IntakeSettings;
import io.presence.notifier.intake.NotificationConsumer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import io.presence.schemas.topics.Topic;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A reader of committed records: a consumer built exactly as the notifier builds its own
 * (read_committed, its group settings), polling as often as the notifier does, on one topic. Each
 * record becomes a frame, arrived when its poll returned, as the decoder reads it.
 */
final class CommittedReader implements FrameSource, AutoCloseable {

    /** Reads one record as a frame into {@code sink}. */
    @FunctionalInterface
    interface RecordDecoder {
        void decode(ConsumerRecord<byte[], byte[]> record, long arrivalNanos, FrameSink sink);
    }

    /** The passthrough's records: key the userId, value the version as 8 bytes; no status. */
    static final RecordDecoder PASSTHROUGH = (record, arrivalNanos, sink) -> sink.frame(
            new String(record.key(), StandardCharsets.UTF_8), ByteBuffer.wrap(record.value()).getLong(), null, arrivalNanos);

    /** {@code presence.notifications}: the notification's user, version and status. */
    static RecordDecoder notifications(Topic<String, StatusNotification> topic) {
        Deserializer<StatusNotification> values = topic.valueSerde().deserializer();
        return (record, arrivalNanos, sink) -> {
            StatusNotification notification = values.deserialize(topic.name(), record.value());
            sink.frame(notification.getUserId(), notification.getVersion(), notification.getStatus().name(), arrivalNanos);
        };
    }

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    private final Consumer<byte[], byte[]> consumer;
    private final RecordDecoder decoder;
    private final Thread thread = new Thread(this::readUntilClosed, "bench-committed-reader");
    private volatile FrameSink sink = FrameSink.NONE;
    private volatile boolean assigned;
    private volatile Exception failure;

    CommittedReader(String bootstrap, String groupId, String topic, RecordDecoder decoder) {
        this.decoder = decoder;
        this.consumer = NotificationConsumer.newConsumer(KafkaConnection.to(bootstrap), groupId,
                new IntakeSettings(groupId, "earliest", Duration.ofSeconds(1), 10_000, Duration.ofSeconds(45), 1));
        consumer.subscribe(List.of(topic));
        thread.setDaemon(true);
        thread.start();
    }

    /** Blocks until the group has given this reader its partitions, so nothing sent later is missed. */
    CommittedReader awaitAssigned() throws InterruptedException {
        long giveUp = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        while (!assigned) {
            if (failure != null || System.nanoTime() > giveUp) {
                throw new IllegalStateException("a committed-records reader did not join its group: " + failure);
            }
            Thread.sleep(20);
        }
        return this;
    }

    @Override
    public void deliverTo(FrameSink sink) {
        this.sink = sink;
    }

    private void readUntilClosed() {
        try {
            while (true) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                long arrived = System.nanoTime();
                assigned = !consumer.assignment().isEmpty();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    decoder.decode(record, arrived, sink);
                }
            }
        } catch (WakeupException closing) {
            // close() woke the consumer up: the reading is over
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
        consumer.close();
    }
}
