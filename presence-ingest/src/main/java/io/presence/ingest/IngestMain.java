package io.presence.ingest;

import com.typesafe.config.ConfigException;
import io.presence.config.PresenceConfigLoader;
import io.presence.http.PortInUseException;
import io.presence.schemas.PlatformBootstrap;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.registry.SchemaRegistryException;
import io.presence.schemas.topics.TopicSetupException;
import io.presence.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs presence-ingest: reads the SPEC §10 configuration, makes sure the topics exist and the
 * public schemas are registered, serves until SIGTERM / Ctrl-C, then shuts down gracefully.
 * A start-up problem the operator can fix (empty secret, port taken, Kafka or registry not
 * reachable) ends the process with one line on stderr and exit code 1.
 */
public final class IngestMain {

    private static final Duration TOPIC_SETUP_TIMEOUT = Duration.ofSeconds(30);

    private IngestMain() {
    }

    public static void main(String[] args) {
        try {
            IngestService service = start();
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "presence-ingest-stop"));
        } catch (ConfigException | PortInUseException | TopicSetupException | SchemaRegistryException e) {
            System.err.println("presence-ingest cannot start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static IngestService start() {
        IngestConfig config = IngestConfig.from(PresenceConfigLoader.load());
        Topics topics = PlatformBootstrap.prepare(config.kafka(), config.topics(),
                new SchemaRegistryClient(config.schemaRegistryUrl()), TOPIC_SETUP_TIMEOUT);
        IngestService service = new IngestService(config, topics, Clock.systemUTC());
        try {
            return service.start();
        } catch (PortInUseException e) {
            service.close();
            throw e;
        }
    }
}
