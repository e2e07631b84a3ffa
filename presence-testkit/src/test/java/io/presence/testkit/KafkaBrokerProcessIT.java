package io.presence.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaBrokerProcessIT {

    @TempDir
    Path dataDir;

    @AfterEach
    void noBrokerProcessIsLeftBehind() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void restartOnTheSameDataDirectoryKeepsTopicsAndRecords() throws Exception {
        KafkaBrokerProcess.Builder onSameDirAndPorts = KafkaBrokerProcess.builder(dataDir)
                .port(FreePort.find())
                .controllerPort(FreePort.find());

        KafkaBrokerProcess first = onSameDirAndPorts.start();
        try (first) {
            TestClients.createTopic(first.bootstrapServers(), "it.process", 1, (short) 1);
            TestClients.send(first.bootstrapServers(), "it.process", List.of("before-restart"));
        }
        assertThat(first.isAlive()).isFalse();
        assertThat(dataDir.resolve("kafka/server.properties")).content().contains("advertised.listeners=PLAINTEXT://localhost:");
        assertThat(dataDir.resolve("kafka/data/meta.properties")).exists();
        assertThat(first.logFile()).isEqualTo(dataDir.resolve("logs/kafka.log"));
        assertThat(first.logFile()).content().contains("Kafka Server started");

        try (KafkaBrokerProcess second = onSameDirAndPorts.start()) {
            assertThat(TestClients.topicNames(second.bootstrapServers())).contains("it.process");
            TestClients.send(second.bootstrapServers(), "it.process", List.of("after-restart"));
            assertThat(TestClients.readValues(second.bootstrapServers(), "it.process", "it.process.group",
                    "read_committed", 2)).containsExactly("before-restart", "after-restart");
        }
    }

    @Test
    void brokerThatDiesDuringStartUpIsReportedWithItsLog() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            KafkaBrokerProcess.Builder onTakenControllerPort = KafkaBrokerProcess.builder(dataDir)
                    .host("127.0.0.1")
                    .port(FreePort.find())
                    .controllerPort(taken.getLocalPort());

            assertThatThrownBy(onTakenControllerPort::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dataDir.resolve("logs/kafka.log").toString())
                    .hasMessageContaining("exited with code")
                    .hasMessageContaining("Address already in use");
        }
    }

    @Test
    void refusesToStartWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            KafkaBrokerProcess.Builder onTakenPort = KafkaBrokerProcess.builder(dataDir)
                    .host("127.0.0.1")
                    .port(taken.getLocalPort())
                    .controllerPort(FreePort.find());

            assertThatThrownBy(onTakenPort::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort() + " is already in use");
        }
    }
}
