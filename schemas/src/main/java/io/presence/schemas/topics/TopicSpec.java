package io.presence.schemas.topics;

import java.util.Map;

/** A topic's name, partition count, replication factor and topic-level configs. */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("topic " + name + ": replication factor must be >= 1, was " + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }
}
