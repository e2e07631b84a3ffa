package io.presence.streams.audit;

import io.presence.avro.GeneralStatus;
import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import io.presence.schemas.topics.Topic;
import io.presence.testkit.PresenceCluster;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the audit IT observes of the live app: whether it is quiet, what it published, and a doctored copy. */
final class LiveApp {

    private final PresenceCluster cluster;
    private final String applicationId;

    LiveApp(PresenceCluster cluster, String applicationId) {
        this.cluster = cluster;
        this.applicationId = applicationId;
    }

    /** The app has committed past every event written so far, and no user is ONLINE (so no expiry is pending). */
    boolean isQuiet(List<String> users) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            String events = cluster.topics().events().name();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < cluster.layout().userPartitions(); p++) {
                latest.put(new TopicPartition(events, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
            boolean caughtUp = ends.entrySet().stream().allMatch(end -> Optional.ofNullable(committed.get(end.getKey()))
                    .map(OffsetAndMetadata::offset).orElse(0L) >= end.getValue().offset());
            return caughtUp && latestStatus(users).values().stream().noneMatch(s -> s.getStatus() == GeneralStatus.ONLINE);
        }
    }

    /** The last record of presence.status per user: what the live app held for them. */
    Map<String, UserStatus> latestStatus(List<String> users) {
        Topic<String, UserStatus> status = cluster.topics().status();
        return TopicSnapshot.read(cluster.bootstrapServers(), status.name(), status.valueSerde().deserializer()).stream()
                .filter(r -> users.contains(r.key()))
                .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (older, newer) -> newer));
    }

    List<ConsumerRecord<String, StatusChange>> statusChanges() {
        Topic<String, StatusChange> changes = cluster.topics().statusChanges();
        return TopicSnapshot.read(cluster.bootstrapServers(), changes.name(), changes.valueSerde().deserializer());
    }

    /**
     * Copies the published changes, partition for partition and in order, to {@code copy}, with
     * {@code tampered} given another custom status and a bogus version-99 change of {@code extraUser} added.
     */
    void copyWithChanges(List<ConsumerRecord<String, StatusChange>> published, String copy, StatusChange tampered,
                         String extraUser) throws Exception {
        int partitions = cluster.layout().userPartitions();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(copy, partitions, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, StatusChange> record : published) {
                StatusChange value = record.value();
                if (value.equals(tampered)) {
                    value = StatusChange.newBuilder(value).setCurrent(UserStatus.newBuilder(value.getCurrent())
                            .setCustomStatus("tampered by the IT").build()).build();
                }
                send(producer, copy, record.partition(), record.key(), value);
            }
            UserStatus bogus = new UserStatus(extraUser, GeneralStatus.ONLINE, "", 99L, Instant.now(), null, List.of());
            send(producer, copy, UserPartition.of(extraUser, partitions), extraUser,
                    new StatusChange(extraUser, null, bogus, "bogus", io.presence.avro.EventType.LOGIN, Instant.now()));
        }
    }

    private void send(KafkaProducer<byte[], byte[]> producer, String topic, int partition, String key, StatusChange value)
            throws ExecutionException, InterruptedException {
        byte[] bytes = cluster.topics().statusChanges().valueSerde().serializer().serialize(topic, value);
        producer.send(new ProducerRecord<>(topic, partition, key.getBytes(StandardCharsets.UTF_8), bytes)).get();
    }
}
