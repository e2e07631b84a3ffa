package io.presence.deploy;

import com.typesafe.config.Config;
import io.presence.config.CheckedConfig;
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
        CheckedConfig presence = CheckedConfig.of(config).at("presence");
        return new LocalRunConfig(
                portOf(presence, "kafka.bootstrap", "tcp://" + presence.string("kafka.bootstrap")),
                presence.fixedPort("local.kafka-controller-port"),
                portOf(presence, "schema-registry.url", presence.string("schema-registry.url")),
                presence.fixedPort("ingest.port"),
                presence.fixedPort("streams.port"),
                presence.fixedPort("notifier.port"),
                Path.of(config.getString("presence.data-dir")).toAbsolutePath().normalize(),
                presence.positiveDuration("local.start-timeout"),
                config.getString("presence.auth.secret"),
                config.getString("presence.gateway.api-keys"),
                TopicLayout.fromConfig(config),
                presence.positiveDuration("local.demo-heartbeat-timeout"));
    }

    String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    String registryUrl() {
        return "http://localhost:" + registryPort;
    }

    private static int portOf(CheckedConfig presence, String key, String url) {
        int port;
        try {
            port = URI.create(url).getPort();
        } catch (IllegalArgumentException e) {
            port = -1;
        }
        if (port <= 0) {
            throw presence.bad(key, "must name a port on this machine, e.g. localhost:9092; was " + url);
        }
        return port;
    }
}
