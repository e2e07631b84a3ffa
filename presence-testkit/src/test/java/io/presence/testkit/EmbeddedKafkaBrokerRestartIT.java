package io.presence.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaBrokerRestartIT {

    @Test
    void restartOnTheSameDataDirectoryKeepsTopicsAndRecords(@TempDir Path dataDir) throws Exception {
        int port = FreePort.find();
        int controllerPort = FreePort.find();
        EmbeddedKafkaBroker.Builder onSameDirAndPorts =
                EmbeddedKafkaBroker.builder().dataDir(dataDir).port(port).controllerPort(controllerPort);

        try (EmbeddedKafkaBroker kafka = onSameDirAndPorts.start()) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            TestClients.createTopic(kafka.bootstrapServers(), "it.durable", 1, (short) 1);
            TestClients.send(kafka.bootstrapServers(), "it.durable", List.of("before-restart"));
        }

        try (EmbeddedKafkaBroker kafka = onSameDirAndPorts.start()) {
            assertThat(TestClients.topicNames(kafka.bootstrapServers())).contains("it.durable");
            TestClients.send(kafka.bootstrapServers(), "it.durable", List.of("after-restart"));
            assertThat(TestClients.readValues(kafka.bootstrapServers(), "it.durable", "it.durable.group",
                    "read_committed", 2)).containsExactly("before-restart", "after-restart");
        }
        assertThat(dataDir.resolve("node-1/meta.properties")).exists();
    }

    @Test
    void closeDeletesTheTemporaryDirectory() {
        Path dataDir;
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
            dataDir = kafka.dataDir();
            assertThat(dataDir.resolve("node-1/meta.properties")).exists();
        }
        assertThat(Files.exists(dataDir)).isFalse();
    }
}
