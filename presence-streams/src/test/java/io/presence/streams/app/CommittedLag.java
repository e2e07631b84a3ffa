package io.presence.streams.app;

import static org.awaitility.Awaitility.await;

import io.presence.streams.topology.PresenceTopology;
import io.presence.testkit.PresenceCluster;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a presence-streams application's committed offsets are behind the end of user-keyed
 * topics. Under exactly-once a committed offset means the state and output of every record before
 * it are committed too, so zero lag is a condition an IT can wait on instead of sleeping.
 */
public final class CommittedLag {

    private CommittedLag() {
    }

    /** The internal topic that carries subscription edges to the target's task. */
    public static String subscriptionEdgesTopic(String applicationId) {
        return applicationId + "-" + PresenceTopology.SUBSCRIPTION_EDGES + "-repartition";
    }

    /** Waits until the application has processed and committed everything written to {@code topics} so far. */
    public static void awaitNone(PresenceCluster cluster, String applicationId, Duration atMost, String... topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                    .until(() -> lag(admin, applicationId, cluster.layout().userPartitions(), topics) == 0);
        }
    }

    private static long lag(Admin admin, String applicationId, int partitionsPerTopic, String... topics)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : topics) {
            for (int p = 0; p < partitionsPerTopic; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata at = committed.get(partition);
            lag += ends.get(partition).offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }
}
