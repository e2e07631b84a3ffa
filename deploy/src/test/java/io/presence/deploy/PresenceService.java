package io.presence.deploy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.presence.ingest.IngestConfig;
import io.presence.notifier.app.NotifierConfig;
import io.presence.registry.RegistryConfig;
import io.presence.streams.app.PresenceStreamsSettings;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;

/**
 * The services of the presence image, by the argument that selects one: the port it listens on by default,
 * how it builds its settings at start-up (throwing on what would stop it), and the secrets a deployment
 * must give it.
 */
enum PresenceService {
    REGISTRY("registry", "presence.schema-registry.port", RegistryConfig::fromConfig, Set.of()),
    // without gateway keys ingest starts, and then refuses every gateway call
    INGEST("ingest", "presence.ingest.port", IngestConfig::from, Set.of("PRESENCE_AUTH_SECRET", "PRESENCE_GATEWAY_API_KEYS")),
    STREAMS("streams", "presence.streams.port", PresenceStreamsSettings::from, Set.of("PRESENCE_AUTH_SECRET")),
    NOTIFIER("notifier", "presence.notifier.port", NotifierConfig::from, Set.of("PRESENCE_AUTH_SECRET"));

    final String argument;
    /** Env vars of secrets without which the service refuses to start or to serve. */
    final Set<String> requiredSecrets;
    private final String portPath;
    private final Function<Config, ?> settings;

    PresenceService(String argument, String portPath, Function<Config, ?> settings, Set<String> requiredSecrets) {
        this.argument = argument;
        this.portPath = portPath;
        this.settings = settings;
        this.requiredSecrets = requiredSecrets;
    }

    /** From reference.conf, so a changed default fails the deployment files that still name the old port. */
    int defaultPort() {
        return ConfigFactory.defaultReference().getInt(portPath);
    }

    /** What the service builds from its configuration first thing at start-up. */
    Object settings(Config config) {
        return settings.apply(config);
    }

    /** The service this argument selects; fails the test, naming what runs it, if none does. */
    static PresenceService selectedBy(String argument, String runner) {
        return Arrays.stream(values())
                .filter(service -> service.argument.equals(argument))
                .findFirst()
                .orElseThrow(() -> new AssertionError(runner + " runs '" + argument + "', which is not a service of the image"));
    }
}
