package io.presence.notifier.app;

import com.typesafe.config.ConfigException;
import io.presence.config.PresenceConfigLoader;
import io.presence.http.PortInUseException;
import io.presence.schemas.PlatformBootstrap;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.registry.SchemaRegistryException;
import io.presence.schemas.topics.TopicSetupException;
import io.presence.schemas.topics.Topics;
import java.time.Duration;

/**
 * Runs presence-notifier: reads the SPEC §10 configuration, makes sure the topics exist and the
 * public schemas are registered, serves until SIGTERM / Ctrl-C, then shuts down cleanly. A start-up
 * problem the operator can fix (empty secret, port taken, Kafka or registry not reachable) ends the
 * process with one line on stderr and exit code 1.
 */
public final class NotifierMain {

    private static final Duration TOPIC_SETUP_TIMEOUT = Duration.ofSeconds(30);

    private NotifierMain() {
    }

    public static void main(String[] args) {
        try {
            NotifierService service = start();
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "presence-notifier-stop"));
        } catch (ConfigException | PortInUseException | TopicSetupException | SchemaRegistryException e) {
            System.err.println("presence-notifier cannot start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static NotifierService start() {
        NotifierConfig config = NotifierConfig.from(PresenceConfigLoader.load());
        Topics topics = PlatformBootstrap.prepare(config.kafka(), config.topics(),
                new SchemaRegistryClient(config.schemaRegistryUrl()), TOPIC_SETUP_TIMEOUT);
        NotifierService service = new NotifierService(config, topics);
        try {
            return service.start();
        } catch (PortInUseException e) {
            service.close();
            throw e;
        }
    }
}
