package io.presence.testkit;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.raft.DynamicVoter;
import org.apache.kafka.raft.DynamicVoters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real Apache Kafka cluster in this JVM: {@code size} combined broker+controller KRaft nodes (ids 1..size) that
 * together form the controller quorum, listening on 127.0.0.1. Internal topics are replicated min(size, 3) times.
 * Nodes can be stopped and started again, for fault tests.
 *
 * <p>Kafka logs a lot at INFO and that doubles start-up time: test classpaths should carry a logback-test.xml that
 * sets {@code kafka}, {@code org.apache.kafka} and {@code state.change.logger} to WARN.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path baseDir;
    private final boolean deleteBaseDirOnClose;
    private final List<InProcessKafkaNode> nodes;

    private EmbeddedKafkaCluster(Path baseDir, boolean deleteBaseDirOnClose, List<InProcessKafkaNode> nodes) {
        this.baseDir = baseDir;
        this.deleteBaseDirOnClose = deleteBaseDirOnClose;
        this.nodes = nodes;
    }

    /** Starts {@code size} nodes in a fresh temporary directory that {@link #close()} deletes. */
    public static EmbeddedKafkaCluster start(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, got " + size);
        }
        Path tempDir;
        try {
            tempDir = Files.createTempDirectory("presence-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for Kafka", e);
        }
        return start(tempDir, true, Collections.nCopies(size, NodePorts.ANY));
    }

    /**
     * @param baseDir each node keeps its log directory in {@code baseDir/node-<id>}; an already formatted one is
     *                reused with its data
     */
    static EmbeddedKafkaCluster start(Path baseDir, boolean deleteBaseDirOnClose, List<NodePorts> requestedPorts) {
        return start(baseDir, deleteBaseDirOnClose, requestedPorts, null);
    }

    /** @param saslUser the user of each node's SASL/PLAIN listener (those whose ports ask for one) */
    static EmbeddedKafkaCluster start(Path baseDir, boolean deleteBaseDirOnClose, List<NodePorts> requestedPorts,
                                      SaslPlainUser saslUser) {
        List<NodePorts> ports = NodePorts.resolved(requestedPorts);
        String quorumBootstrapServers = ports.stream()
                .map(p -> HOST + ":" + p.controller())
                .collect(Collectors.joining(","));
        List<InProcessKafkaNode> nodes = IntStream.range(0, ports.size())
                .mapToObj(i -> new InProcessKafkaNode(new KafkaNodeConfig(i + 1, HOST, ports.get(i).broker(),
                        ports.get(i).controller(), baseDir.resolve("node-" + (i + 1)), quorumBootstrapServers,
                        ports.size(), Math.max(0, ports.get(i).sasl()), saslUser)))
                .toList();
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(baseDir, deleteBaseDirOnClose, nodes);
        long startedAt = System.nanoTime();
        try {
            cluster.format();
            forEachInParallel(nodes, InProcessKafkaNode::start);
            cluster.awaitReady(nodes.size());
            LOG.info("Kafka ({} node(s)) ready at {} in {} ms, data in {}", nodes.size(), cluster.bootstrapServers(),
                    Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), baseDir);
            return cluster;
        } catch (RuntimeException | InterruptedException | TimeoutException e) {
            RuntimeException failure = new IllegalStateException("Kafka cluster of " + nodes.size()
                    + " node(s) in " + baseDir + " failed to start", e);
            try {
                cluster.close();
            } catch (RuntimeException cleanupFailure) {
                failure.addSuppressed(cleanupFailure);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw failure;
        }
    }

    /** Comma-separated host:port of every node's PLAINTEXT listener, running or not. */
    public String bootstrapServers() {
        return nodes.stream().map(n -> n.config().bootstrapServer()).collect(Collectors.joining(","));
    }

    /** Comma-separated host:port of every node's SASL/PLAIN listener (started with one). */
    String saslBootstrapServers() {
        return nodes.stream().map(n -> n.config().saslBootstrapServer()).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    /** Shuts node {@code nodeId} (1..size) down cleanly; its data stays for {@link #startNode(int)}. */
    public void stopNode(int nodeId) {
        node(nodeId).stop();
    }

    /** Starts a stopped node again on the same ports and data and waits until every running node serves clients. */
    public void startNode(int nodeId) {
        node(nodeId).start();
        int running = (int) nodes.stream().filter(InProcessKafkaNode::isRunning).count();
        try {
            awaitReady(running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for node " + nodeId, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("node " + nodeId + " did not come back", e);
        }
    }

    /** Stops all nodes and deletes the data if this cluster created the directory. */
    @Override
    public void close() {
        // all at once: a node stopped last would otherwise wait for a controller quorum that is already gone
        forEachInParallel(nodes, InProcessKafkaNode::stop);
        if (deleteBaseDirOnClose) {
            try {
                Utils.delete(baseDir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete Kafka data in " + baseDir, e);
            }
        }
    }

    private InProcessKafkaNode node(int nodeId) {
        if (nodeId < 1 || nodeId > nodes.size()) {
            throw new IllegalArgumentException("no node " + nodeId + " in a cluster of " + nodes.size());
        }
        return nodes.get(nodeId - 1);
    }

    private void format() {
        // every voter's metadata directory id is fixed up front, because each node's bootstrap snapshot lists them all
        List<DynamicVoter> voters = new ArrayList<>();
        for (InProcessKafkaNode node : nodes) {
            KafkaNodeConfig config = node.config();
            voters.add(new DynamicVoter(Uuid.randomUuid(), config.nodeId(), config.host(), config.controllerPort()));
        }
        DynamicVoters initialVoters = new DynamicVoters(voters);
        String clusterId = Uuid.randomUuid().toString();
        for (InProcessKafkaNode node : nodes) {
            try {
                KraftStorage.formatIfNeeded(node.config(), clusterId, initialVoters);
            } catch (Exception e) {
                throw new IllegalStateException("cannot format " + node.config().logDir(), e);
            }
        }
    }

    private void awaitReady(int expectedBrokers) throws InterruptedException, TimeoutException {
        BrokerReadiness.await(bootstrapServers(), expectedBrokers, READY_TIMEOUT, () -> { });
    }

    /** Start-up must be parallel: a node's start blocks until a quorum majority is up. */
    private static void forEachInParallel(List<InProcessKafkaNode> nodes, Consumer<InProcessKafkaNode> action) {
        List<CompletableFuture<Void>> runs = nodes.stream()
                .map(node -> CompletableFuture.runAsync(() -> action.accept(node), runnable -> {
                    Thread thread = new Thread(runnable, "kafka-node-" + node.config().nodeId());
                    thread.setDaemon(true);
                    thread.start();
                }))
                .toList();
        RuntimeException failure = null;
        for (CompletableFuture<Void> run : runs) {
            try {
                run.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
