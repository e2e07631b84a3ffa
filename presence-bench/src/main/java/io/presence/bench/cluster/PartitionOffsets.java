package io.presence.bench.cluster;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** An offset per partition of one topic: a log end, a log start, or a group's committed position. */
public record PartitionOffsets(Map<TopicPartition, Long> byPartition) {

    public PartitionOffsets {
        byPartition = Map.copyOf(byPartition);
    }

    public long total() {
        return byPartition.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records between {@code start} and these offsets, summed over partitions. */
    public long recordsSince(PartitionOffsets start) {
        return total() - start.total();
    }

    /**
     * How far {@code committed} has come towards these offsets (each partition capped here), as a
     * record count from {@code start}. A partition the group has not committed yet counts as at start.
     */
    public long progressOf(PartitionOffsets committed, PartitionOffsets start) {
        long done = 0;
        for (Map.Entry<TopicPartition, Long> end : byPartition.entrySet()) {
            long from = start.byPartition.getOrDefault(end.getKey(), 0L);
            long at = committed.byPartition.getOrDefault(end.getKey(), from);
            done += Math.max(0, Math.min(at, end.getValue()) - from);
        }
        return done;
    }

    /**
     * Whether {@code committed} has reached these offsets on every partition that has records
     * after {@code start} (a group never commits a partition it had nothing to read from).
     */
    public boolean reachedBy(PartitionOffsets committed, PartitionOffsets start) {
        return byPartition.entrySet().stream().allMatch(end -> end.getValue() <= start.byPartition.getOrDefault(end.getKey(), 0L)
                || committed.byPartition.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }
}
