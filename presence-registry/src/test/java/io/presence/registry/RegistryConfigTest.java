package io.presence.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;

import io.presence.config.PresenceConfigLoader;
import io.presence.schemas.topics.TopicLayout;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {

    @Test
    void theDefaultsComeFromReferenceConf() {
        RegistryConfig config = RegistryConfig.fromConfig(PresenceConfigLoader.load(Map.of()));

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.kafka().bootstrap()).isEqualTo("localhost:9092");
        assertThat(config.kafkaTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.layout().schemas().name()).isEqualTo(TopicLayout.SCHEMAS);
    }

    @Test
    void environmentVariablesOverrideThem() {
        RegistryConfig config = RegistryConfig.fromConfig(PresenceConfigLoader.load(Map.of(
                "PRESENCE_SCHEMA_REGISTRY_PORT", "18081",
                "PRESENCE_SCHEMA_REGISTRY_KAFKA_TIMEOUT", "5s",
                "PRESENCE_KAFKA_BOOTSTRAP", "kafka:29092")));

        assertThat(config.port()).isEqualTo(18081);
        assertThat(config.kafkaTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.kafka().bootstrap()).isEqualTo("kafka:29092");
    }

    @Test
    void aBadValueIsRefusedNamingTheKeyAndWhereItWasSet() {
        assertThatThrownBy(() -> RegistryConfig.fromConfig(PresenceConfigLoader.load(Map.of("PRESENCE_SCHEMA_REGISTRY_PORT", "70000"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("env PRESENCE_SCHEMA_REGISTRY_PORT")
                .hasMessageContaining("presence.schema-registry.port")
                .hasMessageContaining("from 0 to 65535, was 70000");
        assertThatThrownBy(() -> RegistryConfig.fromConfig(PresenceConfigLoader.load(Map.of("PRESENCE_SCHEMA_REGISTRY_KAFKA_TIMEOUT", "-5s"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("presence.schema-registry.kafka-timeout")
                .hasMessageContaining("must be positive, was -5s");
        assertThatThrownBy(() -> RegistryConfig.fromConfig(PresenceConfigLoader.load(Map.of("PRESENCE_TOPICS_USER_PARTITIONS", "0"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("presence.topics.user-partitions")
                .hasMessageContaining("must be at least 1, was 0");
    }
}
