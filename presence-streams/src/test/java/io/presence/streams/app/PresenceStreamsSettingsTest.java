package io.presence.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import io.presence.config.PresenceConfigLoader;
import io.presence.http.CorsOrigins;
import io.presence.streams.fanout.FanoutSettings;
import io.presence.streams.query.QuerySettings;
import io.presence.streams.query.routing.InternalKey;
import io.presence.streams.session.Platform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class PresenceStreamsSettingsTest {

    @Test
    void theDefaultsAreTheSpecs() {
        PresenceStreamsSettings settings = PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s")));

        assertThat(settings.port()).isEqualTo(8083);
        assertThat(settings.applicationId()).isEqualTo("presence-streams");
        assertThat(settings.topology().timeouts().heartbeatTimeout(Platform.IOS)).isEqualTo(Duration.ofSeconds(400));
        assertThat(settings.topology().timeouts().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.topology().detector().tick()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.blockCacheBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(settings.stateDir()).isEqualTo(Path.of(".presence-data", "streams").toAbsolutePath().normalize());
        assertThat(settings.topology().subscriptionRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.topology().fanout()).isEqualTo(FanoutSettings.defaults());
        assertThat(settings.topology().fanout().friendsNotified()).isTrue();
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theCommitIntervalIsSetByEnvironmentAndMustBePositive() {
        PresenceStreamsSettings lowLatency = PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_AUTH_SECRET", "s", "PRESENCE_STREAMS_COMMIT_INTERVAL", "20ms")));

        assertThat(lowLatency.commitInterval()).isEqualTo(Duration.ofMillis(20));
        assertThatThrownBy(() -> PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_AUTH_SECRET", "s", "PRESENCE_STREAMS_COMMIT_INTERVAL", "0ms"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("presence.streams.commit-interval");
    }

    @Test
    void R_FRD_1_andR_SUB_4_areSetByEnvironment() {
        PresenceStreamsSettings settings = PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_FEATURES_FRIEND_AUTO_NOTIFY", "false",
                "PRESENCE_SUBSCRIPTION_RETENTION", "2h",
                "PRESENCE_AUTH_SECRET", "s3cret")));

        assertThat(settings.topology().fanout().friendsNotified()).isFalse();
        assertThat(settings.topology().subscriptionRetention()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.query().clientTokens().secret()).isEqualTo("s3cret");
    }

    @Test
    void R_SES_4_theTimeoutIsSetByEnvironmentForAllPlatformsOrOne() {
        PresenceStreamsSettings settings = PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_AUTH_SECRET", "s",
                "PRESENCE_HEARTBEAT_TIMEOUT", "10s",
                "PRESENCE_HEARTBEAT_TIMEOUT_BY_PLATFORM_WEB", "2m")));

        assertThat(settings.topology().timeouts().heartbeatTimeout(Platform.ANDROID)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.topology().timeouts().heartbeatTimeout(Platform.WEB)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theStateFollowsTheDataDirectory() {
        PresenceStreamsSettings settings = PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_AUTH_SECRET", "s",
                "PRESENCE_DATA_DIR", "/var/lib/presence")));

        assertThat(settings.stateDir()).isEqualTo(Path.of("/var/lib/presence/streams"));
    }

    @Test
    void theQueryDefaultsAreTheSpecs() {
        QuerySettings query = PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s"))).query();

        assertThat(query.maxIds()).isEqualTo(500);
        assertThat(query.othersEnabled()).isTrue();
        assertThat(query.othersLimit().calls()).isEqualTo(20);
        assertThat(query.othersLimit().window()).isEqualTo(Duration.ofSeconds(5));
        assertThat(query.routing().standbyReads()).isTrue();
        assertThat(query.advertisedHost()).isNotBlank();
        assertThat(query.internalKey().value()).as("derived from the auth secret").isEqualTo(InternalKey.configuredOrDerived("", "s").value());
        assertThat(query.cors()).as("no cross-origin calls unless configured").isEqualTo(CorsOrigins.none());
    }

    @Test
    void theOriginsOfWebPagesThatMayQueryAreSetByEnvironment() {
        QuerySettings query = QuerySettings.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s",
                "PRESENCE_HTTP_CORS_ALLOWED_ORIGINS", "https://chat.example.com, http://localhost:3000")));

        assertThat(query.cors().origins()).containsExactly("https://chat.example.com", "http://localhost:3000");
    }

    @Test
    void R_QRY_4_theAdvertisedServerIsTheBoundPortUnlessConfigured() {
        QuerySettings bound = QuerySettings.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s",
                "PRESENCE_STREAMS_ADVERTISED_HOST", "streams-0.presence")));
        QuerySettings mapped = QuerySettings.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s",
                "PRESENCE_STREAMS_ADVERTISED_HOST", "streams-0.presence", "PRESENCE_STREAMS_ADVERTISED_PORT", "18083")));

        assertThat(bound.advertisedServer(41234)).isEqualTo(new HostInfo("streams-0.presence", 41234));
        assertThat(mapped.advertisedServer(41234)).isEqualTo(new HostInfo("streams-0.presence", 18083));
    }

    @Test
    void anEmptyAuthSecretIsAClearError() {
        assertThatThrownBy(() -> PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("presence.auth.secret")
                .hasMessageContaining("PRESENCE_AUTH_SECRET");
    }
}
