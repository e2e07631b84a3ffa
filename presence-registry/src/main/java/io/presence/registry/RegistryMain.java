package io.presence.registry;

import com.typesafe.config.ConfigException;
import io.javalin.util.JavalinBindException;
import io.presence.config.PresenceConfigLoader;
import io.presence.registry.catalog.SchemaLogException;
import io.presence.registry.catalog.SchemaRegistry;
import io.presence.registry.log.KafkaSchemaLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the schema registry: {@code presence.schema-registry.*} and {@code presence.kafka.bootstrap}
 * from the usual config sources, the {@code _schemas} topic created if missing and replayed, then
 * served until SIGTERM or Ctrl-C. Start-up problems an operator can fix are one line on stderr and
 * exit status 1, never a stack trace.
 */
public final class RegistryMain {

    private static final Logger log = LoggerFactory.getLogger(RegistryMain.class);

    private RegistryMain() {
    }

    public static void main(String[] args) {
        RegistryConfig config;
        try {
            config = RegistryConfig.fromConfig(PresenceConfigLoader.load());
        } catch (ConfigException e) {
            exit("invalid configuration: " + e.getMessage());
            return;
        }
        SchemaRegistryServer server = new SchemaRegistryServer(config.host(), config.port(),
                new SchemaRegistry(new KafkaSchemaLog(config.kafka(), config.layout(), config.kafkaTimeout())));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "schema-registry-shutdown"));
        try {
            server.start();
        } catch (JavalinBindException e) {
            exit("port " + config.port() + " is already in use; set "
                    + PresenceConfigLoader.envName("presence.schema-registry.port"));
        } catch (SchemaLogException e) {
            exit("cannot start the schema registry: " + e.getMessage() + " (waited up to " + config.kafkaTimeout().toSeconds()
                    + " s; check " + PresenceConfigLoader.envName("presence.kafka.bootstrap") + ")");
        }
        log.info("schema registry listening on {}:{} (Kafka {}, topic {})", config.host(), server.port(),
                config.kafka().bootstrap(), config.layout().schemas().name());
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
