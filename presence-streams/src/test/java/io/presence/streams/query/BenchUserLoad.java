package io.presence.streams.query;

import io.presence.avro.PresenceEvent;
import io.presence.schemas.topics.Topic;
import io.presence.streams.topology.PresenceEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Puts the benchmark's users in state: one LOGIN each, through the real topology, then waits until all are folded. */
final class BenchUserLoad {

    private BenchUserLoad() {
    }

    static String userId(long i) {
        return "bench-u" + i;
    }

    static void logInAll(String bootstrap, Topic<String, PresenceEvent> events, int users, Consumer<String> progress) {
        PresenceEvents gateway = new PresenceEvents("bench-e");
        long now = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < users; i++) {
                String user = userId(i);
                PresenceEvent login = gateway.login(user, "phone", "c" + i, now);
                producer.send(new ProducerRecord<>(events.name(), user.getBytes(StandardCharsets.UTF_8),
                        events.valueSerde().serializer().serialize(events.name(), login)));
                if ((i + 1) % Math.max(1, users / 10) == 0) {
                    progress.accept(String.format("written %,d of %,d logins", i + 1, users));
                }
            }
            producer.flush();
        }
    }

    /** Waits until the application's committed offsets on {@code topic} reach its end: every event is folded. */
    static void awaitFolded(String bootstrap, String applicationId, String topic, Duration timeout, Consumer<String> progress)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            long end = admin.listOffsets(ends).all().get().values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
                long folded = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
                progress.accept(String.format("folded %,d of %,d events", folded, end));
                if (folded >= end) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the application folded " + folded + " of " + end + " events within " + timeout);
                }
                Thread.sleep(2_000);
            }
        }
    }
}
