package io.presence.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.config.PresenceConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    private final TopicLayout layout = TopicLayout.fromConfig(PresenceConfigLoader.load(Map.of()));

    @Test
    void userKeyedTopicsShareOnePartitionCount() {
        assertThat(layout.coPartitioned()).extracting(TopicSpec::partitions).containsOnly(6);
        assertThat(layout.coPartitioned()).extracting(TopicSpec::name).containsExactly(
                "presence.events", "presence.subscriptions", "presence.friendships", "presence.status", "presence.status-changes");
    }

    @Test
    void policiesFollowTheDesign() {
        assertThat(layout.status().configs()).containsEntry("cleanup.policy", "compact");
        assertThat(layout.events().configs()).containsEntry("retention.ms", "-1");
        assertThat(layout.notifications().configs()).containsEntry("retention.ms", Long.toString(7L * 24 * 3600 * 1000));
        assertThat(layout.dlq().configs()).containsEntry("retention.ms", Long.toString(30L * 24 * 3600 * 1000));
        assertThat(layout.schemas().partitions()).isEqualTo(1);
        assertThat(layout.schemas().configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void partitionCountsComeFromConfig() {
        TopicLayout custom = TopicLayout.fromConfig(PresenceConfigLoader.load(Map.of(
                "PRESENCE_TOPICS_USER_PARTITIONS", "12", "PRESENCE_TOPICS_NOTIFICATION_PARTITIONS", "3")));

        assertThat(custom.events().partitions()).isEqualTo(12);
        assertThat(custom.statusChanges().partitions()).isEqualTo(12);
        assertThat(custom.notifications().partitions()).isEqualTo(3);
    }

    @Test
    void everySpecTopicIsInTheCatalogue() {
        assertThat(layout.presenceTopics()).extracting(TopicSpec::name).containsExactlyInAnyOrder(
                "presence.events", "presence.subscriptions", "presence.friendships", "presence.status",
                "presence.status-changes", "presence.notifications", "presence.dlq");
    }
}
