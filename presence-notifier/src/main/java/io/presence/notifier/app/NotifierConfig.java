package io.presence.notifier.app;

import com.typesafe.config.Config;
import io.presence.config.CheckedConfig;
import io.presence.config.KafkaConnection;
import io.presence.http.auth.ClientTokenRules;
import io.presence.notifier.intake.IntakeSettings;
import io.presence.notifier.webhook.PushSettings;
import io.presence.notifier.websocket.SocketSettings;
import io.presence.schemas.topics.TopicLayout;
import java.time.Duration;

/** Everything presence-notifier reads from the SPEC §10 configuration, read once at start-up. */
public record NotifierConfig(
        int port,
        String advertisedUrl,
        KafkaConnection kafka,
        String schemaRegistryUrl,
        TopicLayout topics,
        ClientTokenRules clientTokens,
        IntakeSettings intake,
        SocketSettings sockets,
        PushSettings push,
        long deliveredVersionsMaxPairs,
        Duration membershipRefresh,
        Duration shutdownGrace) {

    public static NotifierConfig from(Config config) {
        CheckedConfig notifier = CheckedConfig.of(config).at("presence.notifier");
        return new NotifierConfig(
                notifier.port("port"),
                notifier.string("advertised-url"),
                KafkaConnection.fromConfig(config),
                config.getString("presence.schema-registry.url"),
                TopicLayout.fromConfig(config),
                ClientTokenRules.fromConfig(config),
                IntakeSettings.from(config),
                SocketSettings.from(config),
                PushSettings.from(config),
                notifier.atLeast("delivered-versions-max-pairs", 1L),
                notifier.positiveDuration("membership-refresh"),
                notifier.nonNegativeDuration("shutdown-grace"));
    }
}
