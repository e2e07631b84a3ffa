package io.presence.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.schemas.topics.TopicBootstrapper;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.TopicSetupException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** Runs on a broker of its own: it creates the SPEC topics with layouts the shared cluster must not see. */
class TopicBootstrapperIT {

    @Test
    void createsEveryTopicOnceWithItsPolicyThenRefusesADifferentPartitionCount() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicLayout layout = new TopicLayout(4, 3, 1, (short) 1);
            TopicBootstrapper bootstrapper = new TopicBootstrapper(admin, Duration.ofSeconds(30));

            assertThat(bootstrapper.ensure(layout.presenceTopics())).hasSize(7);
            assertThat(bootstrapper.ensure(layout.presenceTopics())).isEmpty();

            var described = admin.describeTopics(java.util.List.of(TopicLayout.EVENTS, TopicLayout.NOTIFICATIONS))
                    .allTopicNames().get();
            assertThat(described.get(TopicLayout.EVENTS).partitions()).hasSize(4);
            assertThat(described.get(TopicLayout.NOTIFICATIONS).partitions()).hasSize(3);
            ConfigResource status = new ConfigResource(ConfigResource.Type.TOPIC, TopicLayout.STATUS);
            Config statusConfig = admin.describeConfigs(java.util.List.of(status)).all().get().get(status);
            assertThat(statusConfig.get("cleanup.policy").value()).isEqualTo("compact");

            TopicLayout resized = new TopicLayout(8, 3, 1, (short) 1);
            assertThatThrownBy(() -> bootstrapper.ensure(resized.presenceTopics()))
                    .isInstanceOf(TopicSetupException.class)
                    .hasMessageContaining("presence.events has 4 partitions, expected 8");
        }
    }
}
