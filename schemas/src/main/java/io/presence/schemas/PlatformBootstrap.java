package io.presence.schemas;

import io.presence.config.KafkaConnection;
import io.presence.schemas.registry.PublicSchemas;
import io.presence.schemas.registry.SchemaRegistry;
import io.presence.schemas.topics.TopicBootstrapper;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.TopicSetupException;
import io.presence.schemas.topics.Topics;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/**
 * What every service does before it serves: create the missing topics (refusing a layout that
 * differs from the existing topics), register the public schemas so outside clients can fetch them,
 * and build the typed catalogue on that registry. Idempotent, so every instance of every service
 * runs it at start-up.
 */
public final class PlatformBootstrap {

    private PlatformBootstrap() {
    }

    /**
     * @throws TopicSetupException naming the Kafka bootstrap when topics cannot be set up
     * @throws io.presence.schemas.registry.SchemaRegistryException when the registry refuses or is unreachable
     */
    public static Topics prepare(KafkaConnection kafka, TopicLayout layout, SchemaRegistry registry, Duration timeout) {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicBootstrapper(admin, timeout).ensure(layout.presenceTopics());
        } catch (TopicSetupException e) {
            throw new TopicSetupException(e.getMessage() + " (Kafka at " + kafka.bootstrap() + ")", e);
        }
        PublicSchemas.registerAll(registry);
        return new Topics(layout, registry);
    }
}
