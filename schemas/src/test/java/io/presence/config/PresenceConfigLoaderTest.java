package io.presence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenceConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMatchTheSpec() {
        Config config = PresenceConfigLoader.load(Map.of());

        assertThat(config.getString("presence.kafka.bootstrap")).isEqualTo("localhost:9092");
        assertThat(config.getString("presence.schema-registry.url")).isEqualTo("http://localhost:8081");
    }

    @Test
    void environmentOverridesFileWhichOverridesDefaults() throws Exception {
        Path file = dir.resolve("presence.properties");
        Files.writeString(file, "presence.kafka.bootstrap=broker-a:9092\npresence.topics.user-partitions=12\n");

        Config config = PresenceConfigLoader.load(Map.of(
                "PRESENCE_CONFIG", file.toString(),
                "PRESENCE_KAFKA_BOOTSTRAP", "broker-b:9092"));

        assertThat(config.getString("presence.kafka.bootstrap")).isEqualTo("broker-b:9092");
        assertThat(config.getInt("presence.topics.user-partitions")).isEqualTo(12);
    }

    @Test
    void hoconFilesAndDurationsWork() throws Exception {
        Path file = dir.resolve("presence.conf");
        Files.writeString(file, "presence { data-dir = \"/var/presence\", extra.timeout = 30d }");

        Config config = PresenceConfigLoader.load(Map.of("PRESENCE_CONFIG", file.toString()));

        assertThat(config.getString("presence.data-dir")).isEqualTo("/var/presence");
        assertThat(config.getDuration("presence.extra.timeout").toDays()).isEqualTo(30);
    }

    @Test
    void envNameFollowsSpecRule() {
        assertThat(PresenceConfigLoader.envName("presence.heartbeat.timeout")).isEqualTo("PRESENCE_HEARTBEAT_TIMEOUT");
        assertThat(PresenceConfigLoader.envName("presence.schema-registry.url")).isEqualTo("PRESENCE_SCHEMA_REGISTRY_URL");
    }

    @Test
    void missingConfigFileIsAClearError() {
        assertThatThrownBy(() -> PresenceConfigLoader.load(Map.of("PRESENCE_CONFIG", dir.resolve("nope.conf").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.conf");
    }
}
