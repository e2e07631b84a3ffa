package io.presence.notifier.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class RecipientPartitionerTest {

    @Test
    void aRecipientsPartitionIsTheOneTheProducersDefaultPartitionerPicksForItsKey() {
        for (int partitions : new int[] {1, 6, 7, 64}) {
            RecipientPartitioner partitioner = new RecipientPartitioner(partitions);
            for (String recipient : new String[] {"alice", "bob", "u-1", "user.name@example.com", "Z", "0123456789"}) {
                assertThat(partitioner.partitionOf(recipient))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(recipient.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }
}
