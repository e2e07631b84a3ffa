package io.presence.bench.replay;

import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.TopicSpec;
import java.util.List;
import java.util.Map;

/**
 * The run's own copies of {@code presence.events} and {@code presence.status-changes}, named
 * {@code <owner>-events} and {@code <owner>-status-changes}: {@code verify} replays a log from its
 * first record, so the run's log cannot share a topic with whatever a cluster already holds, and a
 * live app folding the bench's events must not publish changes next to the bench's own.
 */
record ReplayTopics(String owner, String events, String statusChanges) {

    static ReplayTopics of(String owner) {
        return new ReplayTopics(owner, owner + "-events", owner + "-status-changes");
    }

    /** Both co-partitioned like the user-keyed presence topics, which {@code verify} requires. */
    List<TopicSpec> specs(TopicLayout layout) {
        return List.of(new TopicSpec(events, layout.userPartitions(), layout.replicationFactor(), Map.of()),
                new TopicSpec(statusChanges, layout.userPartitions(), layout.replicationFactor(), Map.of()));
    }
}
