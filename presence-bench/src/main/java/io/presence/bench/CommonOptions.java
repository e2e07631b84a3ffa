package io.presence.bench;

import io.presence.bench.cluster.BenchCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every scenario takes. */
public final class CommonOptions {

    @Option(names = "--quick", description = "Small sizes: the whole run takes under 2 minutes.")
    boolean quick;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster (topics are created if missing) instead of starting an embedded broker.")
    String bootstrap;

    @Option(names = "--registry-url", paramLabel = "URL", defaultValue = "http://localhost:8081",
            description = "Schema registry of the --bootstrap cluster (default: ${DEFAULT-VALUE}); ignored without --bootstrap.")
    String registryUrl;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where Kafka Streams state goes during the run (default: a temporary directory, deleted after).")
    Path workDir;

    boolean quick() {
        return quick;
    }

    /** {@code quick} with --quick, else {@code full}, unless the option was given. */
    <T> T size(T given, T quickSize, T fullSize) {
        return given != null ? given : quick ? quickSize : fullSize;
    }

    BenchCluster startCluster() {
        return bootstrap == null ? BenchCluster.embedded() : BenchCluster.existing(bootstrap, registryUrl);
    }

    Path workDir() {
        try {
            return workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("presence-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work directory", e);
        }
    }

    boolean ownsWorkDir() {
        return workDir == null;
    }
}
