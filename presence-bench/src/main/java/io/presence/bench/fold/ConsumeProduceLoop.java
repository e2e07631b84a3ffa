package io.presence.bench.fold;

import io.presence.avro.PresenceEvent;
import io.presence.schemas.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The floor under any exactly-once processor on this broker: a plain read_committed consumer and a
 * transactional producer, each event decoded with the same serde and copied to an output topic,
 * offsets committed in the transaction every {@code commitInterval} (Kafka Streams' EOS default is
 * 100 ms) — what Kafka Streams does minus state, without its task machinery. Poll size and linger
 * match Kafka Streams' defaults under EOS.
 */
final class ConsumeProduceLoop implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Topic<String, PresenceEvent> input;
    private final String output;
    private final Duration commitInterval;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    ConsumeProduceLoop(String bootstrap, String groupId, Topic<String, PresenceEvent> input, String output, Duration commitInterval) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, groupId,
                ProducerConfig.LINGER_MS_CONFIG, 100),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.input = input;
        this.output = output;
        this.commitInterval = commitInterval;
        this.thread = new Thread(this::loop, "bench-consume-produce");
    }

    void start() {
        thread.start();
    }

    Optional<String> failure() {
        Throwable t = failure.get();
        return t == null ? Optional.empty() : Optional.of(t.toString());
    }

    private void loop() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(input.name()));
            long transactionStarted = -1;
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty() && transactionStarted < 0) {
                    producer.beginTransaction();
                    transactionStarted = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    input.valueSerde().deserializer().deserialize(record.topic(), record.value());
                    producer.send(new ProducerRecord<>(output, record.key(), record.value()));
                }
                if (transactionStarted >= 0 && System.nanoTime() - transactionStarted >= commitInterval.toNanos()) {
                    producer.sendOffsetsToTransaction(positions(), consumer.groupMetadata());
                    producer.commitTransaction();
                    transactionStarted = -1;
                }
            }
        } catch (WakeupException e) {
            // close() wakes the consumer to stop the loop; a wake-up at any other time is a failure
            if (running) {
                failure.set(e);
            }
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    // the position, not last offset + 1: it also steps over transaction markers, as Kafka Streams' commit does
    private Map<TopicPartition, OffsetAndMetadata> positions() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            offsets.put(partition, new OffsetAndMetadata(consumer.position(partition)));
        }
        return offsets;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the consume-produce loop", e);
        }
        producer.close();
        consumer.close();
    }
}
