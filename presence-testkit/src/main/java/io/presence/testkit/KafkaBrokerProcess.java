package io.presence.testkit;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Apache Kafka (KRaft, combined broker and controller) as a child process, for the local run:
 * {@code java -cp <classpath> kafka.Kafka <dataDir>/kafka/server.properties}. Its data stays in the data directory,
 * so stopping and starting again keeps topics and records; the storage is formatted only on the first start.
 *
 * <p>Files under the data directory: {@code kafka/server.properties}, {@code kafka/cluster.id},
 * {@code kafka/logback.xml}, {@code kafka/data/} (the log directory) and {@code logs/kafka.log}, which gets the
 * child's output (Kafka's log at INFO; nothing goes to the terminal). The classpath must hold Kafka's server jars
 * and logback-classic, as this module's runtime classpath does.
 *
 * <p>Keep the controller port the same across restarts: the quorum stores it in its metadata.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final String bootstrapServers;
    private final Path logFile;
    private final Thread stopOnJvmExit;

    private KafkaBrokerProcess(Process process, String bootstrapServers, Path logFile, boolean stopWithJvm) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.logFile = logFile;
        // a JVM that exits without closing us must not leave a broker behind that holds the ports and the data
        // directory; a caller that orders its own shutdown (services first, then Kafka) closes us itself
        this.stopOnJvmExit = stopWithJvm ? new Thread(this::stop, "kafka-process-stop") : null;
        if (stopOnJvmExit != null) {
            Runtime.getRuntime().addShutdownHook(stopOnJvmExit);
        }
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** host:port for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the broker's output goes; appended to across restarts. */
    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the broker: SIGTERM for Kafka's clean shutdown, a kill if it takes longer than 20 s. */
    @Override
    public void close() {
        if (stopOnJvmExit == null) {
            stop();
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // the hook is running or about to; stopping here as well is harmless
            LOG.debug("JVM is shutting down; the shutdown hook stops Kafka too", jvmAlreadyExiting);
        }
        stop();
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Kafka (pid {}) did not stop within {}; killing it", process.pid(), STOP_TIMEOUT);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {

        private final Path dataDir;
        private String host = "localhost";
        private int port = 9092;
        private int controllerPort = 9093;
        private String classpath = System.getProperty("java.class.path");
        private Duration startTimeout = Duration.ofSeconds(60);
        private boolean shutdownOrderedByCaller;

        private Builder(Path dataDir) {
            this.dataDir = dataDir.toAbsolutePath();
        }

        /** Host to bind to and advertise; default localhost. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Client port; default 9092. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** KRaft controller port; default 9093. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Classpath of the child JVM; default this JVM's. */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** How long to wait for the broker to serve clients; default 60 s. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /**
         * The caller stops the broker itself, after the services that use it, from its own shutdown hook: the
         * broker then runs in a session of its own (Ctrl-C does not reach it) and registers no JVM shutdown hook.
         */
        public Builder shutdownOrderedByCaller() {
            this.shutdownOrderedByCaller = true;
            return this;
        }

        /**
         * Formats the storage if this is the first start, starts the broker and waits until it serves clients.
         *
         * @throws IllegalStateException if the port is taken, or the broker exits or is not ready in time; the
         *                               message then names the log file and quotes its errors and last lines
         */
        public KafkaBrokerProcess start() {
            if (accepts(host, port)) {
                // the readiness check below would otherwise take that other server for the broker just started
                throw new IllegalStateException(host + ":" + port + " is already in use; is another Kafka running?");
            }
            Path kafkaDir = dataDir.resolve("kafka");
            Path logFile = dataDir.resolve("logs").resolve("kafka.log");
            KafkaNodeConfig node = new KafkaNodeConfig(1, host, port, controllerPort, kafkaDir.resolve("data"),
                    host + ":" + controllerPort, 1);
            Path serverProperties = kafkaDir.resolve("server.properties");
            Path logbackConfig = kafkaDir.resolve("logback.xml");
            try {
                Files.createDirectories(kafkaDir);
                Files.createDirectories(logFile.getParent());
                writeProperties(node.toProperties(), serverProperties);
                copyResource("kafka-process-logback.xml", logbackConfig);
                if (!KraftStorage.isFormatted(node)) {
                    format(clusterId(kafkaDir.resolve("cluster.id")), serverProperties, logbackConfig, logFile);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare Kafka in " + kafkaDir, e);
            }

            long startedAt = System.nanoTime();
            long logOffset = logFile.toFile().length();
            Process process = launch(logbackConfig, logFile, "kafka.Kafka", serverProperties.toString());
            KafkaBrokerProcess broker = new KafkaBrokerProcess(process, node.bootstrapServer(), logFile, !shutdownOrderedByCaller);
            try {
                awaitReady(broker, node);
            } catch (RuntimeException | InterruptedException | TimeoutException e) {
                broker.close();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("Kafka at " + node.bootstrapServer() + " failed to start: "
                        + e.getMessage() + "; see " + logFile + System.lineSeparator()
                        + BrokerLogExcerpt.of(logFile, logOffset), e);
            }
            LOG.info("Kafka (pid {}) ready at {} in {} ms, data in {}, log in {}", process.pid(),
                    node.bootstrapServer(), Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), kafkaDir,
                    logFile);
            return broker;
        }

        private void awaitReady(KafkaBrokerProcess broker, KafkaNodeConfig node)
                throws InterruptedException, TimeoutException {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            Runnable failIfExited = () -> {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("the broker process exited with code " + broker.process.exitValue());
                }
            };
            // a plain connect first: an admin client aimed at a closed port logs a warning every retry
            while (!accepts(node.host(), node.brokerPort())) {
                failIfExited.run();
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("port " + node.brokerPort() + " not open within " + startTimeout);
                }
                Thread.sleep(100);
            }
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            BrokerReadiness.await(node.bootstrapServer(), 1, left, failIfExited);
        }

        private void format(String clusterId, Path serverProperties, Path logbackConfig, Path logFile)
                throws IOException {
            long logOffset = logFile.toFile().length();
            Process formatting = launch(logbackConfig, logFile, "kafka.tools.StorageTool", "format", "--standalone",
                    "--cluster-id", clusterId, "--config", serverProperties.toString());
            try {
                if (!formatting.waitFor(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    formatting.destroyForcibly();
                    throw new IllegalStateException("formatting Kafka storage took longer than " + startTimeout
                            + "; see " + logFile);
                }
            } catch (InterruptedException e) {
                formatting.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while formatting Kafka storage", e);
            }
            if (formatting.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed with exit code "
                        + formatting.exitValue() + "; see " + logFile + System.lineSeparator()
                        + BrokerLogExcerpt.of(logFile, logOffset));
            }
        }

        private Process launch(Path logbackConfig, Path logFile, String mainClass, String... args) {
            return ChildJvm.start(List.of("-Xmx512m", "-Dlogback.configurationFile=" + logbackConfig), classpath,
                    mainClass, List.of(args), Map.of(), logFile, shutdownOrderedByCaller);
        }

        /** The cluster id is kept next to the data so a half-finished first start can be retried with the same one. */
        private static String clusterId(Path file) throws IOException {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String clusterId = Uuid.randomUuid().toString();
            Files.writeString(file, clusterId + System.lineSeparator(), StandardCharsets.UTF_8);
            return clusterId;
        }

        private static boolean accepts(String host, int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }

        /** Written by hand rather than with Properties.store, which escapes every ':' and stamps a date. */
        private static void writeProperties(Properties properties, Path file) throws IOException {
            StringBuilder text = new StringBuilder("# written by KafkaBrokerProcess on every start\n");
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                text.append(key).append('=')
                        .append(properties.getProperty(key).replace("\\", "\\\\"))
                        .append('\n');
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }

        private static void copyResource(String name, Path target) throws IOException {
            try (InputStream in = KafkaBrokerProcess.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("resource " + name + " missing from the testkit jar");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
