package io.presence.streams.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a whole topic from the beginning as committed (read_committed, what downstream services
 * see), accumulating records across {@link #poll()} calls, for conditions an IT waits on.
 */
final class TopicReader<K, V> implements AutoCloseable {

    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> records = new ArrayList<>();

    TopicReader(String bootstrap, String topic, Deserializer<K> keys, Deserializer<V> values) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // a fan-out IT reads 100 000 notifications; 500 a poll would make the reader the bottleneck
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000), keys, values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far, after one more short poll. */
    List<ConsumerRecord<K, V>> poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return records;
    }

    /** The records that arrived since the last call, reading until nothing more is there. */
    List<ConsumerRecord<K, V>> pollNew() {
        int from = records.size();
        ConsumerRecords<K, V> batch;
        do {
            batch = consumer.poll(Duration.ofMillis(50));
            batch.forEach(records::add);
        } while (!batch.isEmpty());
        return List.copyOf(records.subList(from, records.size()));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
