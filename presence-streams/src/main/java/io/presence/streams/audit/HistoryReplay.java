package io.presence.streams.audit;

import io.presence.streams.session.StatusTransition;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * R-AUD-1: one user's changes with their causes. Reads the user's partition only and decodes the
 * user's records only; the fold must still start at the beginning, since a change in the window
 * depends on every event before it. The window filters on the change's time (its cause's timestamp).
 */
final class HistoryReplay {

    private final AuditCluster cluster;
    private final String eventsTopic;

    HistoryReplay(AuditCluster cluster, String eventsTopic) {
        this.cluster = cluster;
        this.eventsTopic = eventsTopic;
    }

    /** @param window held against each change's time */
    void run(String userId, TimeWindow window, ProgressDisplay display, Consumer<StatusTransition> sink) {
        TopicPartition tp = new TopicPartition(eventsTopic, UserPartition.of(userId, cluster.partitions(eventsTopic)));
        ReplayFold fold = new ReplayFold(cluster.eventSerde(), eventsTopic);
        try (KafkaConsumer<String, byte[]> consumer = cluster.consumer()) {
            Map<TopicPartition, Long> ends = LogScan.endsNow(consumer, List.of(tp));
            try (ReplayProgress progress = display.start(ends.get(tp))) {
                LogScan.scan(consumer, ends, progress, record -> {
                    if (userId.equals(record.key())) {
                        fold.apply(record.key(), record.value(), record.timestamp())
                                .flatMap(result -> result.transition())
                                .filter(change -> window.contains(change.at()))
                                .ifPresent(sink);
                    }
                });
            }
        }
    }
}
