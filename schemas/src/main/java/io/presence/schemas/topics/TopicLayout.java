package io.presence.schemas.topics;

import com.typesafe.config.Config;
import io.presence.config.CheckedConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every topic of the system: its name, partition count and policy (DESIGN §3). The only place
 * that spells a topic name.
 *
 * <p>The user-keyed topics share one partition count so that one stream task owns everything
 * about a user; that count must never change after the topics exist.
 */
public record TopicLayout(int userPartitions, int notificationPartitions, int dlqPartitions, short replicationFactor) {

    public static final String EVENTS = "presence.events";
    public static final String SUBSCRIPTIONS = "presence.subscriptions";
    public static final String FRIENDSHIPS = "presence.friendships";
    public static final String STATUS = "presence.status";
    public static final String STATUS_CHANGES = "presence.status-changes";
    public static final String NOTIFICATIONS = "presence.notifications";
    public static final String DLQ = "presence.dlq";
    /** The schema registry's own store (Confluent uses the same name). */
    public static final String SCHEMAS = "_schemas";

    private static final String FOREVER = "-1";

    public static TopicLayout fromConfig(Config config) {
        CheckedConfig topics = CheckedConfig.of(config).at("presence.topics");
        return new TopicLayout(
                topics.atLeast("user-partitions", 1),
                topics.atLeast("notification-partitions", 1),
                topics.atLeast("dlq-partitions", 1),
                (short) topics.atLeast("replication-factor", 1));
    }

    /** The log is the audit record: user-keyed event topics keep everything (tiered storage in production). */
    public TopicSpec events() {
        return userKeyed(EVENTS, Map.of("cleanup.policy", "delete", "retention.ms", FOREVER));
    }

    public TopicSpec subscriptions() {
        return userKeyed(SUBSCRIPTIONS, Map.of("cleanup.policy", "delete", "retention.ms", FOREVER));
    }

    public TopicSpec friendships() {
        return userKeyed(FRIENDSHIPS, Map.of("cleanup.policy", "delete", "retention.ms", FOREVER));
    }

    public TopicSpec status() {
        return userKeyed(STATUS, Map.of("cleanup.policy", "compact"));
    }

    public TopicSpec statusChanges() {
        return userKeyed(STATUS_CHANGES, Map.of("cleanup.policy", "delete", "retention.ms", FOREVER));
    }

    public TopicSpec notifications() {
        return new TopicSpec(NOTIFICATIONS, notificationPartitions, replicationFactor,
                Map.of("cleanup.policy", "delete", "retention.ms", millis(Duration.ofDays(7))));
    }

    public TopicSpec dlq() {
        return new TopicSpec(DLQ, dlqPartitions, replicationFactor,
                Map.of("cleanup.policy", "delete", "retention.ms", millis(Duration.ofDays(30))));
    }

    /** One partition keeps the registry's id allocation in a single total order. */
    public TopicSpec schemas() {
        return new TopicSpec(SCHEMAS, 1, replicationFactor, Map.of("cleanup.policy", "compact"));
    }

    /** The topics of SPEC §2, in the order they are created. */
    public List<TopicSpec> presenceTopics() {
        return List.of(events(), subscriptions(), friendships(), status(), statusChanges(), notifications(), dlq());
    }

    /** The topics that must all have {@link #userPartitions()} partitions (co-partitioned, DESIGN §1). */
    public List<TopicSpec> coPartitioned() {
        return List.of(events(), subscriptions(), friendships(), status(), statusChanges());
    }

    private TopicSpec userKeyed(String name, Map<String, String> configs) {
        return new TopicSpec(name, userPartitions, replicationFactor, configs);
    }

    private static String millis(Duration d) {
        return Long.toString(d.toMillis());
    }
}
