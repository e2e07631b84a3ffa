package io.presence.notifier.intake;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when partitions come to or leave this instance (rebalance callbacks, on the consumer
 * thread inside poll() or close()). A partition that leaves first stops being served here — its
 * sockets are closed, its pushes abandoned — and only then is what finished committed: what was
 * still in flight stays uncommitted, and the new owner delivers it.
 */
final class PartitionHandover implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionHandover.class);

    private final CompletedOffsets offsets;
    private final OffsetCommits commits;
    private final PartitionOwnership ownership;
    private volatile boolean joined;

    PartitionHandover(CompletedOffsets offsets, OffsetCommits commits, PartitionOwnership ownership) {
        this.offsets = offsets;
        this.commits = commits;
        this.ownership = ownership;
    }

    /** True once the group gave this instance its first assignment (possibly empty) and its start offsets are fixed. */
    boolean hasJoined() {
        return joined;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        offsets.track(partitions);
        commits.pinStartingOffsets(partitions);
        ownership.assigned(numbers(partitions));
        joined = true;
        if (!partitions.isEmpty()) {
            log.info("now serving partitions {}", numbers(partitions));
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        ownership.revoked(numbers(partitions));
        commits.commitNow(partitions, "on revocation");
        offsets.forget(partitions);
        log.info("no longer serving partitions {}", numbers(partitions));
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        ownership.revoked(numbers(partitions));
        offsets.forget(partitions);
        log.warn("lost partitions {} (session expired); the new owner redelivers what was unfinished", numbers(partitions));
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }
}
