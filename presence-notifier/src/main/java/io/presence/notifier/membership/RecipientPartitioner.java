package io.presence.notifier.membership;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of {@code presence.notifications} a recipient's notifications are in: what the Kafka
 * producer's default partitioner picks for the recipientId key (murmur2 of its UTF-8 bytes, made
 * positive, modulo the partition count). The instance that owns that partition serves the recipient.
 */
public final class RecipientPartitioner {

    private final int partitions;

    public RecipientPartitioner(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        this.partitions = partitions;
    }

    public int partitionOf(String recipientId) {
        return Utils.toPositive(Utils.murmur2(recipientId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
