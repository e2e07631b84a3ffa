package io.presence.streams.audit;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads {@code presence.dlq} once, from its start to the ends it has now, in order per partition. */
final class DeadLetterScan {

    private DeadLetterScan() {
    }

    static void each(AuditCluster cluster, String dlqTopic, ProgressDisplay display, Consumer<DeadLetter> sink) {
        List<TopicPartition> partitions = IntStream.range(0, cluster.partitions(dlqTopic))
                .mapToObj(p -> new TopicPartition(dlqTopic, p)).toList();
        try (KafkaConsumer<String, byte[]> consumer = cluster.consumer()) {
            Map<TopicPartition, Long> ends = LogScan.endsNow(consumer, partitions);
            try (ReplayProgress progress = display.start("dead letters", ends.values().stream().mapToLong(Long::longValue).sum())) {
                LogScan.scan(consumer, ends, progress, record -> sink.accept(DeadLetter.of(record)));
            }
        }
    }
}
