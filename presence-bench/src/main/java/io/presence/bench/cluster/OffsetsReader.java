package io.presence.bench.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** Log offsets and consumer-group offsets of one topic, read through the Admin API (no consumer joins anything). */
public final class OffsetsReader {

    private final Admin admin;
    private final String topic;

    public OffsetsReader(Admin admin, String topic) {
        this.admin = admin;
        this.topic = topic;
    }

    public PartitionOffsets logEnd() {
        return list(OffsetSpec.latest());
    }

    /** What {@code groupId} has committed on this topic; partitions it has not committed are absent. */
    public PartitionOffsets committed(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> all = await(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> mine = new HashMap<>();
        all.forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                mine.put(partition, offset.offset());
            }
        });
        return new PartitionOffsets(mine);
    }

    private PartitionOffsets list(OffsetSpec spec) {
        int partitions = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), spec);
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = await(admin.listOffsets(request).all());
        return new PartitionOffsets(result.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset(), (a, b) -> a, HashMap::new)));
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets: " + e.getCause(), e.getCause());
        }
    }
}
