package io.presence.streams.audit;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition a user's records live in: the Kafka producer's default partitioner on the UTF-8 key
 * (murmur2), which ingest, the detector's sink and Kafka Streams all use. A query about a few users
 * reads only their partitions.
 */
final class UserPartition {

    private UserPartition() {
    }

    static int of(String userId, int partitions) {
        return Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
