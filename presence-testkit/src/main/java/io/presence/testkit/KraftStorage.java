package io.presence.testkit;

import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.DynamicVoters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** Formats a node's log directory in-process, as {@code kafka-storage.sh format} would. */
final class KraftStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {
    }

    static boolean isFormatted(KafkaNodeConfig node) {
        return Files.exists(node.logDir().resolve("meta.properties"));
    }

    /**
     * Writes meta.properties and the bootstrap snapshot with the initial voter set, unless the directory was
     * formatted before (a restart on an existing directory must keep its data and cluster id).
     */
    static void formatIfNeeded(KafkaNodeConfig node, String clusterId, DynamicVoters initialVoters) throws Exception {
        if (isFormatted(node)) {
            return;
        }
        String logDir = node.logDir().toAbsolutePath().toString();
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8))
                .setNodeId(node.nodeId())
                .setClusterId(clusterId)
                .setDirectories(List.of(logDir))
                .setMetadataLogDirectory(logDir)
                .setControllerListenerName(KafkaNodeConfig.CONTROLLER_LISTENER)
                .setInitialControllers(initialVoters)
                .setHasDynamicQuorum(true)
                .run();
        LOG.debug("formatted node {}: {}", node.nodeId(), formatterOutput.toString(StandardCharsets.UTF_8));
    }
}
