package io.presence.deploy;

import com.typesafe.config.Config;
import io.presence.schemas.topics.TopicLayout;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** What the local run needs from the SPEC §10 configuration, read once at start-up. */
record LocalRunConfig(
        int kafkaPort,
        int kafkaControllerPort,
        int registryPort,
        int ingestPort,
        int streamsPort,
        int notifierPort,
        Path dataDir,
        Duration startTimeout,
        String authSecret,
        String gatewayApiKeys,
        TopicLayout topics,
        Duration demoHeartbeatTimeout) {

    static LocalRunConfig from(Config config) {
        return new LocalRunConfig(
                portOf("presence.kafka.bootstrap", "tcp://" + config.getString("presence.kafka.bootstrap")),
                config.getInt("presence.local.kafka-controller-port"),
                portOf("presence.schema-registry.url", config.getString("presence.schema-registry.url")),
                config.getInt("presence.ingest.port"),
                config.getInt("presence.streams.port"),
                config.getInt("presence.notifier.port"),
                Path.of(config.getString("presence.data-dir")).toAbsolutePath().normalize(),
                config.getDuration("presence.local.start-timeout"),
                config.getString("presence.auth.secret"),
                config.getString("presence.gateway.api-keys"),
                TopicLayout.fromConfig(config),
                config.getDuration("presence.local.demo-heartbeat-timeout"));
    }

    String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    String registryUrl() {
        return "http://localhost:" + registryPort;
    }

    private static int portOf(String key, String url) {
        int port = URI.create(url).getPort();
        if (port <= 0) {
            throw new IllegalArgumentException(key + " must name a port on this machine, e.g. localhost:9092; was " + url);
        }
        return port;
    }
}
