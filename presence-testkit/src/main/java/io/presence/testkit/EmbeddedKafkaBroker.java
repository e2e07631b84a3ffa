package io.presence.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real single-node Apache Kafka (KRaft, broker and controller in one, node id 1) in this JVM, on 127.0.0.1.
 * It supports everything the presence service uses: idempotent and transactional producers, consumer groups,
 * read_committed consumers, compacted topics. Topics are never created automatically.
 *
 * <p>Start-up takes about 4 s when Kafka logs at WARN; at INFO it is about twice that. Test classpaths should carry a
 * logback-test.xml that sets {@code kafka}, {@code org.apache.kafka} and {@code state.change.logger} to WARN.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
 *     Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final EmbeddedKafkaCluster cluster;
    private final Path dataDir;

    private EmbeddedKafkaBroker(EmbeddedKafkaCluster cluster, Path dataDir) {
        this.cluster = cluster;
        this.dataDir = dataDir;
    }

    /** Starts a broker on free ports with its data in a temporary directory that {@link #close()} deletes. */
    public static EmbeddedKafkaBroker start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** host:port for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** host:port of the SASL/PLAIN listener of a broker built with {@link Builder#saslPlain}. */
    public String saslBootstrapServers() {
        return cluster.saslBootstrapServers();
    }

    /** The directory holding the broker's data (in {@code node-1/}). */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Shuts the broker down cleanly and keeps its data and ports, so {@link #startAgain} is a broker restart as
     * clients see it: the same address, topics, records and committed offsets, unreachable meanwhile.
     */
    public void stop() {
        cluster.stopNode(1);
    }

    /** Starts the {@link #stop}ped broker again on the same ports and data; returns when it serves clients. */
    public void startAgain() {
        cluster.startNode(1);
    }

    /** Shuts the broker down and waits for it; deletes the data unless the directory was given to the builder. */
    @Override
    public void close() {
        cluster.close();
    }

    public static final class Builder {

        private Path dataDir;
        private int port;
        private int controllerPort;
        private SaslPlainUser saslUser;

        private Builder() {
        }

        /** Adds a client listener on a free port that accepts only {@code user}, over SASL/PLAIN, next to the PLAINTEXT one. */
        public Builder saslPlain(SaslPlainUser user) {
            this.saslUser = user;
            return this;
        }

        /**
         * Keeps the data in {@code dataDir} and leaves it there on close; starting again on the same directory
         * brings back the topics and records. Give the same controller port every time: it is recorded in the
         * controller quorum's metadata.
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The client (PLAINTEXT) port; a free one if not set. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The KRaft controller port; a free one if not set. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        public EmbeddedKafkaBroker start() {
            boolean temporary = dataDir == null;
            Path dir;
            try {
                dir = temporary ? Files.createTempDirectory("presence-kafka-") : Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for Kafka", e);
            }
            EmbeddedKafkaCluster cluster =
                    EmbeddedKafkaCluster.start(dir, temporary,
                            List.of(new NodePorts(port, controllerPort, saslUser == null ? NodePorts.NONE : 0)), saslUser);
            return new EmbeddedKafkaBroker(cluster, dir);
        }
    }
}
