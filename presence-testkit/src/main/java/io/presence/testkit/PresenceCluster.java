package io.presence.testkit;

import io.presence.config.PresenceConfigLoader;
import io.presence.registry.SchemaRegistryServer;
import io.presence.schemas.registry.PublicSchemas;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.topics.TopicBootstrapper;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * What a service's integration test needs: a real broker, our schema registry on a free port
 * backed by that broker's {@code _schemas} topic, every topic of the layout created, and every
 * public schema registered — the same start-up the local run does.
 */
public final class PresenceCluster implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final SchemaRegistryServer registry;
    private final SchemaRegistryClient registryClient;
    private final TopicLayout layout;
    private final Topics topics;

    private PresenceCluster(EmbeddedKafkaBroker broker, SchemaRegistryServer registry, TopicLayout layout) {
        this.broker = broker;
        this.registry = registry;
        this.registryClient = new SchemaRegistryClient(registry.url());
        this.layout = layout;
        this.topics = new Topics(layout, registryClient);
    }

    /** Starts the registry on {@code broker} with the default layout (6 user partitions). */
    public static PresenceCluster start(EmbeddedKafkaBroker broker) {
        return start(broker, TopicLayout.fromConfig(PresenceConfigLoader.load(Map.of())));
    }

    public static PresenceCluster start(EmbeddedKafkaBroker broker, TopicLayout layout) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            new TopicBootstrapper(admin, Duration.ofSeconds(30)).ensure(layout.presenceTopics());
        }
        SchemaRegistryServer registry = SchemaRegistryServer.startBackedByKafka(broker.bootstrapServers(), layout, 0);
        PresenceCluster cluster = new PresenceCluster(broker, registry, layout);
        PublicSchemas.registerAll(cluster.registryClient);
        return cluster;
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public SchemaRegistryClient registryClient() {
        return registryClient;
    }

    public TopicLayout layout() {
        return layout;
    }

    public Topics topics() {
        return topics;
    }

    /** Stops the registry; the broker belongs to whoever started it. */
    @Override
    public void close() {
        registry.close();
    }
}
