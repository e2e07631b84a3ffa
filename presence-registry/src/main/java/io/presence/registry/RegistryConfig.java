package io.presence.registry;

import com.typesafe.config.Config;
import io.presence.config.CheckedConfig;
import io.presence.schemas.topics.TopicLayout;
import java.time.Duration;

/** The registry's settings, read once at start from {@code presence.*} (reference.conf + PRESENCE_CONFIG + env). */
public record RegistryConfig(String host, int port, String kafkaBootstrap, Duration kafkaTimeout, TopicLayout layout) {

    public static RegistryConfig fromConfig(Config config) {
        CheckedConfig registry = CheckedConfig.of(config).at("presence.schema-registry");
        return new RegistryConfig(
                registry.string("host"),
                registry.port("port"),
                config.getString("presence.kafka.bootstrap"),
                registry.positiveDuration("kafka-timeout"),
                TopicLayout.fromConfig(config));
    }
}
