package io.presence.testkit;

import io.presence.config.KafkaConnection;
import io.presence.config.PresenceConfigLoader;
import io.presence.registry.SchemaRegistryServer;
import io.presence.schemas.PlatformBootstrap;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.Topics;
import java.time.Duration;
import java.util.Map;

/**
 * What a service's integration test needs: a real broker, our schema registry on a free port
 * backed by that broker's {@code _schemas} topic, every topic of the layout created, and every
 * public schema registered — the same start-up the local run does.
 */
public final class PresenceCluster implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final int registryPort;
    private SchemaRegistryServer registry;
    private final SchemaRegistryClient registryClient;
    private final TopicLayout layout;
    private final Topics topics;
    private final boolean ownsBroker;

    private PresenceCluster(EmbeddedKafkaBroker broker, boolean ownsBroker, SchemaRegistryServer registry,
                            SchemaRegistryClient registryClient, TopicLayout layout, Topics topics) {
        this.broker = broker;
        this.ownsBroker = ownsBroker;
        this.registry = registry;
        this.registryPort = registry.port();
        this.registryClient = registryClient;
        this.layout = layout;
        this.topics = topics;
    }

    /** Starts the registry on {@code broker} with the default layout (6 user partitions). */
    public static PresenceCluster start(EmbeddedKafkaBroker broker) {
        return start(broker, TopicLayout.fromConfig(PresenceConfigLoader.load(Map.of())));
    }

    public static PresenceCluster start(EmbeddedKafkaBroker broker, TopicLayout layout) {
        return start(broker, false, layout);
    }

    /**
     * Starts a broker of its own and the registry on it (default layout), both stopped by {@link #close}:
     * for a test that reads whole topics from the beginning, where other tests' records must not be.
     */
    public static PresenceCluster onOwnBroker() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        try {
            return start(broker, true, TopicLayout.fromConfig(PresenceConfigLoader.load(Map.of())));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    private static PresenceCluster start(EmbeddedKafkaBroker broker, boolean ownsBroker, TopicLayout layout) {
        SchemaRegistryServer registry = SchemaRegistryServer.startBackedByKafka(broker.bootstrapServers(), layout, 0);
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
        Topics topics = PlatformBootstrap.prepare(KafkaConnection.to(broker.bootstrapServers()), layout, client, Duration.ofSeconds(30));
        return new PresenceCluster(broker, ownsBroker, registry, client, layout, topics);
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return "http://localhost:" + registryPort;
    }

    /** Stops the schema registry: clients then meet a refused connection, as during a registry outage. */
    public void stopRegistry() {
        registry.close();
        registry = null;
    }

    /** Starts the {@link #stopRegistry stopped} registry again on the same port; it reloads what was registered. */
    public void startRegistryAgain() {
        registry = SchemaRegistryServer.startBackedByKafka(broker.bootstrapServers(), layout, registryPort);
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

    /** Stops the registry, and the broker if {@link #onOwnBroker} started it (else it belongs to whoever did). */
    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
        if (ownsBroker) {
            broker.close();
        }
    }
}
