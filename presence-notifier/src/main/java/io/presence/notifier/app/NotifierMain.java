package io.presence.notifier.app;

import com.typesafe.config.ConfigException;
import io.presence.config.PresenceConfigLoader;
import io.presence.http.PortInUseException;
import io.presence.schemas.registry.PublicSchemas;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.registry.SchemaRegistryException;
import io.presence.schemas.topics.TopicBootstrapper;
import io.presence.schemas.topics.TopicSetupException;
import io.presence.schemas.topics.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

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
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            new TopicBootstrapper(admin, TOPIC_SETUP_TIMEOUT).ensure(config.topics().presenceTopics());
        } catch (TopicSetupException e) {
            throw new TopicSetupException(e.getMessage() + " (Kafka at " + config.kafkaBootstrap() + ")", e);
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(config.schemaRegistryUrl());
        PublicSchemas.registerAll(registry);
        NotifierService service = new NotifierService(config, new Topics(config.topics(), registry));
        try {
            return service.start();
        } catch (PortInUseException e) {
            service.close();
            throw e;
        }
    }
}
