package io.presence.testkit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The server properties of one combined broker+controller KRaft node, shared by the in-process broker and the
 * child-process broker so both behave the same.
 *
 * @param nodeId                 node id, also its voter id
 * @param host                   host the listeners bind to and advertise
 * @param brokerPort             PLAINTEXT (client and inter-broker) port
 * @param controllerPort         CONTROLLER port
 * @param logDir                 the only log directory; it also holds the metadata log
 * @param quorumBootstrapServers host:port of every controller, comma separated
 * @param clusterSize            number of nodes, to size the replication of internal topics
 * @param saslPort               a second client listener, SASL/PLAIN, for tests of a secured cluster; 0 for none
 * @param saslUser               the one user that listener accepts (null without it)
 */
record KafkaNodeConfig(
        int nodeId,
        String host,
        int brokerPort,
        int controllerPort,
        Path logDir,
        String quorumBootstrapServers,
        int clusterSize,
        int saslPort,
        SaslPlainUser saslUser) {

    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String SASL_LISTENER = "SASL_PLAINTEXT";

    /** A node with the PLAINTEXT and CONTROLLER listeners only. */
    KafkaNodeConfig(int nodeId, String host, int brokerPort, int controllerPort, Path logDir, String quorumBootstrapServers,
                    int clusterSize) {
        this(nodeId, host, brokerPort, controllerPort, logDir, quorumBootstrapServers, clusterSize, 0, null);
    }

    String bootstrapServer() {
        return host + ":" + brokerPort;
    }

    String saslBootstrapServer() {
        return host + ":" + saslPort;
    }

    Properties toProperties() {
        int internalReplication = Math.min(clusterSize, 3);
        // with three replicas a transaction or group commit still succeeds while one node is down
        int internalMinIsr = internalReplication == 1 ? 1 : 2;

        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId));
        String sasl = saslPort > 0 ? "," + SASL_LISTENER + "://" + host + ":" + saslPort : "";
        props.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort + sasl);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + sasl);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"
                + (saslPort > 0 ? "," + SASL_LISTENER + ":SASL_PLAINTEXT" : ""));
        if (saslPort > 0) {
            // inter-broker traffic stays on PLAINTEXT, so only clients meet the login
            props.put("sasl.enabled.mechanisms", "PLAIN");
            props.put("listener.name." + SASL_LISTENER.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config",
                    saslUser.serverJaasConfig());
        }
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("controller.quorum.bootstrap.servers", quorumBootstrapServers);
        props.put("log.dirs", logDir.toAbsolutePath().toString());

        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", Integer.toString(internalReplication));
        props.put("transaction.state.log.replication.factor", Integer.toString(internalReplication));
        props.put("transaction.state.log.min.isr", Integer.toString(internalMinIsr));
        props.put("share.coordinator.state.topic.replication.factor", Integer.toString(internalReplication));
        props.put("share.coordinator.state.topic.min.isr", Integer.toString(internalMinIsr));
        // the defaults (50 partitions each) make the first group join and first transaction noticeably slower
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        // no reason to wait for more members: tests and the local run start one consumer per group at a time
        props.put("group.initial.rebalance.delay.ms", "0");
        // the default 128 MiB dedupe buffer costs start-up time and memory for compacted topics a test never fills
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        if (clusterSize > 1) {
            // A node restarted within the session timeout of its last heartbeat is refused (DUPLICATE_BROKER_REGISTRATION)
            // until the old session expires, and a controlled shutdown waits for the next heartbeat; the defaults
            // (9 s and 2 s) would make every stop and restart in a fault test take seconds longer.
            props.put("broker.session.timeout.ms", "3000");
            props.put("broker.heartbeat.interval.ms", "500");
            // Closing the whole cluster stops every node at once; a node whose controlled-shutdown request the
            // quorum has not answered before the other controllers are gone waits Kafka's 5 minutes for it (seen
            // in CI). Stopped without it, a node is fenced when its session times out (3 s above): a node stopped
            // in a fault test is a crashed node, the harder case.
            props.put("controlled.shutdown.enable", "false");
        }
        return props;
    }
}
