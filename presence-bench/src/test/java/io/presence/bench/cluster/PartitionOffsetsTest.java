package io.presence.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("presence.events", 0);
    private static final TopicPartition P1 = new TopicPartition("presence.events", 1);
    private static final TopicPartition P2 = new TopicPartition("presence.events", 2);

    private final PartitionOffsets start = new PartitionOffsets(Map.of(P0, 0L, P1, 0L, P2, 10L));
    private final PartitionOffsets end = new PartitionOffsets(Map.of(P0, 100L, P1, 50L, P2, 10L));

    @Test
    void caughtUpWhenEveryPartitionWithRecordsIsCommittedToItsEnd() {
        // P2 had nothing to read, so the group never commits it
        assertThat(end.reachedBy(new PartitionOffsets(Map.of(P0, 100L, P1, 50L)), start)).isTrue();
        assertThat(end.reachedBy(new PartitionOffsets(Map.of(P0, 100L, P1, 49L)), start)).isFalse();
        assertThat(end.reachedBy(new PartitionOffsets(Map.of(P0, 100L)), start)).isFalse();
    }

    @Test
    void progressCountsCommittedRecordsFromTheStartCappedAtTheEnd() {
        PartitionOffsets committed = new PartitionOffsets(Map.of(P0, 40L, P1, 60L));

        assertThat(end.progressOf(committed, start)).isEqualTo(40 + 50);
        assertThat(end.recordsSince(start)).isEqualTo(150);
    }
}
