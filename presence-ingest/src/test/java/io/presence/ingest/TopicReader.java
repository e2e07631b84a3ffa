package io.presence.ingest;

import static org.awaitility.Awaitility.await;

import io.presence.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a topic from the beginning and decodes it with the catalogue's serdes, to prove what was written. */
final class TopicReader {

    private TopicReader() {
    }

    /** The records with {@code key}, in log order, once there are at least {@code expected} of them. */
    static <V> List<ConsumerRecord<String, V>> awaitRecords(String bootstrap, Topic<String, V> topic, String key, int expected) {
        List<ConsumerRecord<String, V>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            found.addAll(readAll(bootstrap, topic, r -> key.equals(r.key())));
            return found.size() >= expected;
        });
        return List.copyOf(found);
    }

    static <V> List<ConsumerRecord<String, V>> readAll(String bootstrap, Topic<String, V> topic,
                                                       Predicate<ConsumerRecord<String, V>> filter) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (filter.test(r)) {
                        records.add(r);
                    }
                });
            }
        }
        return records;
    }
}
