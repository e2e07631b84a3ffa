package io.presence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConnectionTest {

    @TempDir
    Path dir;

    @Test
    void byDefaultOnlyTheBootstrapIsSet() {
        KafkaConnection kafka = KafkaConnection.fromConfig(PresenceConfigLoader.load(Map.of()));

        assertThat(kafka.clientProperties()).containsExactly(Map.entry("bootstrap.servers", "localhost:9092"));
    }

    @Test
    void clientSettingsComeFromEnvironmentVariablesNamedAfterKafkasOwnNames() {
        KafkaConnection kafka = KafkaConnection.fromConfig(PresenceConfigLoader.load(Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", "broker:9093",
                "PRESENCE_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "PRESENCE_KAFKA_CLIENT_SASL_JAAS_CONFIG", "PlainLoginModule required username=\"u\" password=\"p\";",
                "PRESENCE_KAFKA_CLIENT_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "https")));

        assertThat(kafka.clientProperties()).containsOnly(
                Map.entry("bootstrap.servers", "broker:9093"),
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"p\";"),
                Map.entry("ssl.endpoint.identification.algorithm", "https"));
    }

    @Test
    void clientSettingsComeFromAHoconFileWithQuotedKeysOrAPropertiesFile() throws Exception {
        Path hocon = dir.resolve("presence.conf");
        Files.writeString(hocon, "presence.kafka.client { \"security.protocol\" = SSL, \"ssl.truststore.location\" = \"/etc/ca.jks\" }");
        Path properties = dir.resolve("presence.properties");
        Files.writeString(properties, "presence.kafka.client.security.protocol=SSL\npresence.kafka.client.ssl.truststore.location=/etc/ca.jks\n");

        for (Path file : new Path[] {hocon, properties}) {
            KafkaConnection kafka = KafkaConnection.fromConfig(PresenceConfigLoader.load(Map.of("PRESENCE_CONFIG", file.toString())));

            assertThat(kafka.clientSettings()).as(file.getFileName().toString())
                    .containsOnly(Map.entry("security.protocol", "SSL"), Map.entry("ssl.truststore.location", "/etc/ca.jks"));
        }
    }

    @Test
    void aClientsOwnSettingsWinBecauseTheyAreItsGuarantees() {
        KafkaConnection kafka = new KafkaConnection("broker:9092", Map.of("acks", "1", "security.protocol", "SSL"));

        assertThat(kafka.clientProperties(Map.of("acks", "all"))).containsOnly(
                Map.entry("bootstrap.servers", "broker:9092"), Map.entry("security.protocol", "SSL"), Map.entry("acks", "all"));
    }

    @Test
    void itsTextNamesTheSettingsButNeverTheirValues() {
        KafkaConnection kafka = new KafkaConnection("broker:9092", Map.of("sasl.jaas.config", "… password=\"s3cret\";"));

        assertThat(kafka.toString()).contains("broker:9092", "sasl.jaas.config").doesNotContain("s3cret");
    }

    @Test
    void theBootstrapIsNotAClientSetting() {
        assertThatThrownBy(() -> KafkaConnection.fromConfig(PresenceConfigLoader.load(Map.of(
                "PRESENCE_KAFKA_CLIENT_BOOTSTRAP_SERVERS", "elsewhere:9092"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("presence.kafka.bootstrap");
    }
}
