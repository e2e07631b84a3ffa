package io.presence.registry;

import com.typesafe.config.Config;
import io.presence.config.CheckedConfig;
import io.presence.config.KafkaConnection;
import io.presence.schemas.topics.TopicLayout;
import java.time.Duration;

/** The registry's settings, read once at start from {@code presence.*} (reference.conf + PRESENCE_CONFIG + env). */
public record RegistryConfig(String host, int port, KafkaConnection kafka, Duration kafkaTimeout, TopicLayout layout) {

    public static RegistryConfig fromConfig(Config config) {
        CheckedConfig registry = CheckedConfig.of(config).at("presence.schema-registry");
        return new RegistryConfig(
                registry.string("host"),
                registry.port("port"),
                KafkaConnection.fromConfig(config),
                registry.positiveDuration("kafka-timeout"),
                TopicLayout.fromConfig(config));
    }
}
