package io.presence.testkit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;

/**
 * One combined broker+controller running in this JVM. A stopped node can be started again on the same directory
 * and ports; Kafka's server object cannot be restarted, so every start builds a new one.
 */
final class InProcessKafkaNode {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessKafkaNode.class);
    private static final Duration MAX_STARTUP_TIME = Duration.ofSeconds(60);

    private final KafkaNodeConfig config;
    private KafkaRaftServer server;

    InProcessKafkaNode(KafkaNodeConfig config) {
        this.config = config;
    }

    KafkaNodeConfig config() {
        return config;
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    /** Blocks until the node has joined the quorum and its broker is serving; needs a quorum majority running. */
    synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("node " + config.nodeId() + " is already running");
        }
        long startedAt = System.nanoTime();
        Properties props = config.toProperties();
        // Kafka's default is to wait forever, e.g. for a quorum majority that never comes; a test should fail instead
        props.put("server.max.startup.time.ms", Long.toString(MAX_STARTUP_TIME.toMillis()));
        // false: do not log the whole config at INFO on every start
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            try {
                starting.shutdown();
                starting.awaitShutdown();
            } catch (RuntimeException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
        server = starting;
        LOG.info("Kafka node {} started in {} ms", config.nodeId(), millisSince(startedAt));
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        long stoppingAt = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        server = null;
        LOG.info("Kafka node {} stopped in {} ms", config.nodeId(), millisSince(stoppingAt));
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }
}
