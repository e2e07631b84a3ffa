package io.presence.notifier.intake;

import io.presence.notifier.delivery.DeliveryTicket;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The "finished offsets" watermark of every assigned partition (see {@link PartitionProgress}). A
 * notification handed to the webhook's in-memory retry path is not finished until the webhook took it
 * or it was dead-lettered, so a crash while it waits re-reads it: nothing is lost, at the cost of
 * redelivering what finished above it.
 */
final class CompletedOffsets {

    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();

    void track(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> progress.put(partition, new PartitionProgress()));
    }

    /** A ticket for a record just consumed; its partition is assigned, so it is tracked. */
    DeliveryTicket begin(TopicPartition partition, long offset) {
        return progress.get(partition).begin(offset);
    }

    /** True while the partition is assigned here. */
    boolean tracks(TopicPartition partition) {
        return progress.containsKey(partition);
    }

    /** Notifications consumed and not finished, over all assigned partitions. */
    int inFlight() {
        return progress.values().stream().mapToInt(PartitionProgress::inFlight).sum();
    }

    /** What to commit now: for each partition that consumed records, its committable offset, if not committed yet. */
    Map<TopicPartition, OffsetAndMetadata> toCommit(ToLongFunction<TopicPartition> position) {
        return toCommit(progress.keySet(), position);
    }

    Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> partitions, ToLongFunction<TopicPartition> position) {
        Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress tracked = progress.get(partition);
            if (tracked == null || !tracked.consumedAny()) {
                continue;
            }
            long offset = tracked.committable(position.applyAsLong(partition));
            if (!tracked.isCommitted(offset)) {
                due.put(partition, new OffsetAndMetadata(offset));
            }
        }
        return due;
    }

    /** Kafka confirmed these commits. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionProgress tracked = progress.get(partition);
            if (tracked != null) {
                tracked.committed(offset.offset());
            }
        });
    }

    /** The partitions left this instance: their unfinished notifications are the new owner's to deliver. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(progress::remove);
    }
}
