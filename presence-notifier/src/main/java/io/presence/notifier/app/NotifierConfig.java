package io.presence.notifier.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.presence.notifier.intake.IntakeSettings;
import io.presence.notifier.webhook.PushSettings;
import io.presence.notifier.websocket.SocketSettings;
import io.presence.schemas.topics.TopicLayout;
import java.time.Duration;

/** Everything presence-notifier reads from the SPEC §10 configuration, read once at start-up. */
public record NotifierConfig(
        int port,
        String advertisedUrl,
        String kafkaBootstrap,
        String schemaRegistryUrl,
        TopicLayout topics,
        String authSecret,
        IntakeSettings intake,
        SocketSettings sockets,
        PushSettings push,
        long deliveredVersionsMaxPairs,
        Duration membershipRefresh,
        Duration shutdownGrace) {

    private static final String SECRET_KEY = "presence.auth.secret";

    public NotifierConfig {
        if (authSecret == null || authSecret.isEmpty()) {
            throw new ConfigException.BadValue(SECRET_KEY,
                    "it is empty; set PRESENCE_AUTH_SECRET to the HS256 secret that signs client tokens");
        }
        if (deliveredVersionsMaxPairs < 1) {
            throw new ConfigException.BadValue("presence.notifier.delivered-versions-max-pairs", "must be at least 1");
        }
    }

    public static NotifierConfig from(Config config) {
        Config notifier = config.getConfig("presence.notifier");
        return new NotifierConfig(
                notifier.getInt("port"),
                notifier.getString("advertised-url").trim(),
                config.getString("presence.kafka.bootstrap"),
                config.getString("presence.schema-registry.url"),
                TopicLayout.fromConfig(config),
                config.getString(SECRET_KEY),
                IntakeSettings.from(config),
                SocketSettings.from(config),
                PushSettings.from(config),
                notifier.getLong("delivered-versions-max-pairs"),
                notifier.getDuration("membership-refresh"),
                notifier.getDuration("shutdown-grace"));
    }
}
