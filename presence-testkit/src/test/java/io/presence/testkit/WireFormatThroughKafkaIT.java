package io.presence.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.topics.Topic;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PresenceClusterExtension.class)
class WireFormatThroughKafkaIT {

    @Test
    void avroRecordsRoundTripThroughBrokerAndRegistry(PresenceCluster cluster) throws Exception {
        Topic<String, PresenceEvent> events = cluster.topics().events();
        List<PresenceEvent> sent = List.of(login("wf-alice", "d1"), login("wf-bob", "d2"), login("wf-carol", "d3"));

        List<RecordMetadata> written = produce(cluster, events, sent);
        List<ConsumerRecord<String, PresenceEvent>> read = readBack(cluster, events, written);

        assertThat(read).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(read).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getUserId()));
        int registeredId = cluster.registryClient().register(TopicLayout.EVENTS + "-value",
                io.presence.schemas.registry.PublicSchemas.of(PresenceEvent.class));
        assertThat(read).allSatisfy(r -> assertThat(schemaIdOf(r.value(), cluster)).isEqualTo(registeredId));
    }

    @Test
    void serializerAsksTheRegistryOnlyForTheFirstRecord(PresenceCluster cluster) throws Exception {
        // a fresh client, so nothing is cached yet
        SchemaRegistryClient client = new SchemaRegistryClient(cluster.registryUrl());
        Topics topics = new Topics(cluster.layout(), client);
        Topic<String, PresenceEvent> events = topics.events();
        List<PresenceEvent> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(login("wf-many-" + i, "d"));
        }

        List<RecordMetadata> written = produce(cluster, events, many);
        long afterWrites = client.requestsSent();
        readBack(cluster, events, written);

        assertThat(afterWrites).isEqualTo(1);                 // one register call for 500 records
        assertThat(client.requestsSent()).isEqualTo(1);       // the id it registered is the one it decodes: cached
    }

    private static int schemaIdOf(PresenceEvent event, PresenceCluster cluster) {
        byte[] bytes = cluster.topics().events().valueSerde().serializer().serialize(TopicLayout.EVENTS, event);
        return java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    private static PresenceEvent login(String user, String device) {
        return PresenceEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setTimestamp(Instant.ofEpochMilli(System.currentTimeMillis())).setSource("wire-format-it")
                .setType(EventType.LOGIN).setUserId(user).setDeviceId(device).setConnectionId("c-" + device)
                .setPlatform(Platform.ANDROID).setCustomStatus(null).setLastHeartbeatAt(null).build();
    }

    private static List<RecordMetadata> produce(PresenceCluster cluster, Topic<String, PresenceEvent> topic,
                                                List<PresenceEvent> values) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", cluster.bootstrapServers(), "acks", "all",
                "enable.idempotence", true);
        List<RecordMetadata> written = new ArrayList<>();
        try (var producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            List<java.util.concurrent.Future<RecordMetadata>> futures = new ArrayList<>();
            for (PresenceEvent e : values) {
                futures.add(producer.send(new ProducerRecord<>(topic.name(), e.getUserId(), e)));
            }
            for (var f : futures) {
                written.add(f.get());
            }
        }
        return written;
    }

    private static List<ConsumerRecord<String, PresenceEvent>> readBack(PresenceCluster cluster, Topic<String, PresenceEvent> topic,
                                                                        List<RecordMetadata> written) {
        Map<String, Object> config = Map.of("bootstrap.servers", cluster.bootstrapServers(), "enable.auto.commit", false);
        List<ConsumerRecord<String, PresenceEvent>> read = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            Map<TopicPartition, long[]> ranges = new java.util.HashMap<>();
            for (RecordMetadata m : written) {
                ranges.merge(new TopicPartition(m.topic(), m.partition()), new long[] {m.offset(), m.offset()},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
            consumer.assign(ranges.keySet());
            ranges.forEach((tp, range) -> consumer.seek(tp, range[0]));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read.size() < written.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, PresenceEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() <= ranges.get(new TopicPartition(r.topic(), r.partition()))[1]) {
                        read.add(r);
                    }
                }
            }
        }
        return read;
    }
}
