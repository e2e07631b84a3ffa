package io.presence.bench.cluster;

import io.presence.config.PresenceConfigLoader;
import io.presence.schemas.registry.PublicSchemas;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.topics.TopicBootstrapper;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.TopicSpec;
import io.presence.schemas.topics.Topics;
import io.presence.testkit.EmbeddedKafkaBroker;
import io.presence.testkit.PresenceCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka cluster and schema registry a benchmark runs against: either an embedded broker with
 * our registry started for the run (the same start-up as the local run and the ITs), or an
 * existing cluster and registry named on the command line. Either way every presence topic exists
 * and every public schema is registered before the benchmark starts.
 */
public final class BenchCluster implements AutoCloseable {

    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedKafkaBroker broker;
    private final PresenceCluster presence;
    private final String bootstrap;
    private final String registryUrl;
    private final Topics topics;
    private final Admin admin;

    private BenchCluster(EmbeddedKafkaBroker broker, PresenceCluster presence, String bootstrap, String registryUrl, Topics topics) {
        this.broker = broker;
        this.presence = presence;
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
        this.topics = topics;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** A fresh single-node KRaft broker in this JVM (data in a temporary directory) plus our registry. */
    public static BenchCluster embedded() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        try {
            PresenceCluster presence = PresenceCluster.start(broker);
            return new BenchCluster(broker, presence, broker.bootstrapServers(), presence.registryUrl(), presence.topics());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** An existing cluster: topics are created if missing (layout from SPEC §10 config), schemas registered. */
    public static BenchCluster existing(String bootstrap, String registryUrl) {
        TopicLayout layout = TopicLayout.fromConfig(PresenceConfigLoader.load());
        try (Admin setup = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicBootstrapper(setup, SETUP_TIMEOUT).ensure(layout.presenceTopics());
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(registryUrl);
        PublicSchemas.registerAll(registry);
        return new BenchCluster(null, null, bootstrap, registryUrl, new Topics(layout, registry));
    }

    public String bootstrap() {
        return bootstrap;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public Topics topics() {
        return topics;
    }

    public Admin admin() {
        return admin;
    }

    public boolean isEmbedded() {
        return broker != null;
    }

    /** Creates a topic of the benchmark's own (idempotent), e.g. a baseline's output. */
    public void ensureTopic(TopicSpec spec) {
        new TopicBootstrapper(admin, SETUP_TIMEOUT).ensure(List.of(spec));
    }

    /**
     * Sets {@code groupId}'s committed offsets, before the group exists, so that a new application
     * starts there instead of at the log's start: a run then reads only what it loaded, whatever the
     * topic held before.
     */
    public void startGroupAt(String groupId, PartitionOffsets offsets) {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.byPartition().forEach((partition, offset) -> committed.put(partition, new OffsetAndMetadata(offset)));
        try {
            admin.alterConsumerGroupOffsets(groupId, committed).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the offsets of " + groupId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set the offsets of " + groupId + ": " + e.getCause(), e.getCause());
        }
    }

    /** {@link #startGroupAt} the current log end of each of {@code topics}, the inputs of a new application. */
    public void startGroupAtLogEnd(String groupId, String... topics) {
        for (String topic : topics) {
            startGroupAt(groupId, new OffsetsReader(admin, topic).logEnd());
        }
    }

    /**
     * Deletes what an application of the run left on the cluster: its consumer group and its topics
     * (Kafka Streams' changelogs, a baseline's output), all named {@code <applicationId>-…}. The
     * events it read and the presence topics it wrote stay.
     */
    public void deleteApplication(String applicationId) {
        deleteTopicsOf(applicationId);
        try {
            admin.deleteConsumerGroups(List.of(applicationId)).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting " + applicationId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot delete the group " + applicationId + ": " + e.getCause(), e.getCause());
        }
    }

    /** Deletes the topics a run created for itself, all named {@code <owner>-…}. */
    public void deleteTopicsOf(String owner) {
        try {
            List<String> own = admin.listTopics().names().get().stream().filter(t -> t.startsWith(owner + "-")).toList();
            admin.deleteTopics(own).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting the topics of " + owner, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot delete the topics of " + owner + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
        if (presence != null) {
            presence.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
