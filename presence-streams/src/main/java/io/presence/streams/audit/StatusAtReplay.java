package io.presence.streams.audit;

import io.presence.avro.UserStatus;
import io.presence.streams.avro.UserStatusMapper;
import io.presence.streams.session.UserPresence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * R-AUD-1: every user's status record as of an instant, folded from {@code presence.events} alone.
 * Partitions replay in parallel; each hands its users to the sink as soon as it is done and then
 * drops them, so at most {@code threads} partitions' states are in memory at once. Named users
 * are looked up in their own partitions only, and only their records are decoded.
 */
final class StatusAtReplay {

    private final AuditCluster cluster;
    private final String eventsTopic;
    private final int threads;

    StatusAtReplay(AuditCluster cluster, String eventsTopic, int threads) {
        this.cluster = cluster;
        this.eventsTopic = eventsTopic;
        this.threads = threads;
    }

    /**
     * @param users   empty for every user that has a status (version ≥ 1); otherwise exactly these,
     *                a user never seen as the UNLOGINED record of version 0
     * @param sink    called once per partition with its records sorted by userId; calls are serialized
     */
    void run(Instant at, Set<String> users, ProgressDisplay display, Consumer<List<UserStatus>> sink) {
        int partitions = cluster.partitions(eventsTopic);
        List<Integer> toRead = users.isEmpty() ? ParallelPartitions.all(partitions) : partitionsOf(users, partitions);
        Map<TopicPartition, Long> ends;
        try (KafkaConsumer<String, byte[]> consumer = cluster.consumer()) {
            ends = AsOfCut.endsAt(consumer, toRead.stream().map(p -> new TopicPartition(eventsTopic, p)).toList(), at);
        }
        try (ReplayProgress progress = display.start(ends.values().stream().mapToLong(Long::longValue).sum())) {
            ParallelPartitions.run(toRead, threads, partition -> {
                TopicPartition tp = new TopicPartition(eventsTopic, partition);
                ReplayFold fold = new ReplayFold(cluster.eventSerde(), eventsTopic);
                try (KafkaConsumer<String, byte[]> consumer = cluster.consumer()) {
                    LogScan.scan(consumer, Map.of(tp, ends.get(tp)), progress, record -> {
                        if (users.isEmpty() || users.contains(record.key())) {
                            fold.apply(record.key(), record.value(), record.timestamp());
                        }
                    });
                }
                List<UserStatus> answer = new ArrayList<>();
                for (UserPresence user : users.isEmpty() ? fold.changedUsers() : namedIn(fold, users, partition, partitions)) {
                    answer.add(UserStatusMapper.toUserStatus(user));
                }
                synchronized (sink) {
                    sink.accept(answer);
                }
            });
        }
    }

    private static List<UserPresence> namedIn(ReplayFold fold, Set<String> users, int partition, int partitions) {
        List<UserPresence> named = new ArrayList<>();
        for (String user : new TreeSet<>(users)) {
            if (UserPartition.of(user, partitions) == partition) {
                named.add(fold.stateOf(user));
            }
        }
        return named;
    }

    private static List<Integer> partitionsOf(Set<String> users, int partitions) {
        return users.stream().map(u -> UserPartition.of(u, partitions)).distinct().sorted().toList();
    }
}
