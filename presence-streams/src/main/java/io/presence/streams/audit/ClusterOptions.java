package io.presence.streams.audit;

import com.typesafe.config.Config;
import io.presence.config.KafkaConnection;
import io.presence.config.PresenceConfigLoader;
import io.presence.schemas.topics.TopicLayout;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** The options every audit command shares: where the cluster is, and whether progress is drawn. */
final class ClusterOptions {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: config presence.kafka.bootstrap)")
    String bootstrap;

    @Option(names = "--registry", paramLabel = "URL",
            description = "schema registry URL (default: config presence.schema-registry.url); "
                    + "dead-letters and redrive decode nothing and need none")
    String registry;

    @Option(names = "--no-progress", description = "no progress bar on stderr")
    boolean noProgress;

    private Config config;

    AuditCluster connect() {
        return AuditCluster.connect(kafka(), registry != null ? registry : config().getString("presence.schema-registry.url"));
    }

    /** For commands that decode nothing: Kafka only, so a registry outage does not stop them. */
    AuditCluster connectWithoutRegistry() {
        return AuditCluster.connectWithoutRegistry(kafka());
    }

    private KafkaConnection kafka() {
        KafkaConnection configured = KafkaConnection.fromConfig(config());
        // --bootstrap names another cluster, reached with the same client settings (security)
        return bootstrap != null ? new KafkaConnection(bootstrap, configured.clientSettings()) : configured;
    }

    /** A bar redrawn with carriage returns only makes sense on a terminal; piped stderr stays clean. */
    ProgressDisplay progress(PrintStream err) {
        return new ProgressDisplay(!noProgress && System.console() != null, err);
    }

    /** Topic names come from the same config as the services', so a renamed layout is followed. */
    TopicLayout layout() {
        return TopicLayout.fromConfig(config());
    }

    private Config config() {
        if (config == null) {
            config = PresenceConfigLoader.load();
        }
        return config;
    }
}
