package io.presence.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class UserPartitionTest {

    @Test
    void R_AUD_1_aUserIsLookedUpInThePartitionTheProducersDefaultPartitionerChose() {
        for (String user : new String[] {"alice", "bob", "user-000042", "ü@x.io"}) {
            for (int partitions : new int[] {1, 6, 7, 64}) {
                assertThat(UserPartition.of(user, partitions)).as(user + " / " + partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(user.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }
}
