package io.presence.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import io.presence.config.PresenceConfigLoader;
import io.presence.http.auth.ClientTokenRules;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void defaultsFollowTheSpec() {
        IngestConfig config = IngestConfig.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s")));
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.queryAndSubscribeEnabled()).isTrue();
        assertThat(config.rateLimit().calls()).isEqualTo(20);
        assertThat(config.rateLimit().window()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxBatchEvents()).isEqualTo(1000);
        assertThat(config.maxSubscriptionIds()).isEqualTo(100);
        assertThat(config.maxRequestBytes()).isEqualTo(1024 * 1024);
        assertThat(config.kafka().bootstrap()).isEqualTo("localhost:9092");
        assertThat(config.instanceId()).startsWith("ingest-");
    }

    @Test
    void environmentVariablesOverrideEveryKey() {
        IngestConfig config = IngestConfig.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_AUTH_SECRET", "s",
                "PRESENCE_INGEST_PORT", "18080",
                "PRESENCE_FEATURES_QUERY_AND_SUBSCRIBE", "false",
                "PRESENCE_GATEWAY_API_KEYS", "k1,k2",
                "PRESENCE_INGEST_KAFKA_WRITE_TIMEOUT", "3s",
                "PRESENCE_RATE_LIMIT_WINDOW", "10s",
                "PRESENCE_INGEST_INSTANCE_ID", "ingest-a")));
        assertThat(config.port()).isEqualTo(18080);
        assertThat(config.queryAndSubscribeEnabled()).isFalse();
        assertThat(config.gatewayApiKeys()).isEqualTo("k1,k2");
        assertThat(config.kafkaWriteTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.rateLimit().window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.instanceId()).isEqualTo("ingest-a");
    }

    @Test
    void anEmptyAuthSecretIsAClearError() {
        assertThatThrownBy(() -> IngestConfig.from(PresenceConfigLoader.load(Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("presence.auth.secret")
                .hasMessageContaining("PRESENCE_AUTH_SECRET");
    }

    @Test
    void theIssuerAndAudienceTokensMustCarryAreSetByEnvironmentAndOffByDefault() {
        IngestConfig strict = IngestConfig.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s",
                "PRESENCE_AUTH_ISSUER", "https://login.example.com", "PRESENCE_AUTH_AUDIENCE", "presence")));
        IngestConfig lenient = IngestConfig.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s")));

        assertThat(strict.clientTokens()).isEqualTo(new ClientTokenRules("s", "https://login.example.com", "presence", ""));
        assertThat(lenient.clientTokens()).isEqualTo(ClientTokenRules.signedWith("s"));
    }

    @Test
    void aClockSkewBeyondWhatPresenceStreamsAcceptsIsAClearError() {
        assertThatThrownBy(() -> IngestConfig.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_AUTH_SECRET", "s", "PRESENCE_INGEST_MAX_CLOCK_SKEW", "10m"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("presence.ingest.max-clock-skew")
                .hasMessageContaining("at most 300 s");
        assertThat(IngestConfig.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_AUTH_SECRET", "s", "PRESENCE_INGEST_MAX_CLOCK_SKEW", "5m"))).maxClockSkew())
                .isEqualTo(Duration.ofMinutes(5));
    }
}
