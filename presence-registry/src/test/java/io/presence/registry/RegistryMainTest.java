package io.presence.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real main in a child JVM: what an operator sees when start-up cannot succeed. */
class RegistryMainTest {

    private static final String NO_KAFKA = "127.0.0.1:1";

    @TempDir
    Path dir;

    @Test
    void aTakenPortIsOneLineAndExitStatus1() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));

            Run run = runMain(Map.of("PRESENCE_SCHEMA_REGISTRY_PORT", Integer.toString(taken.getLocalPort()),
                    "PRESENCE_KAFKA_BOOTSTRAP", NO_KAFKA));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stderr().strip()).isEqualTo("port " + taken.getLocalPort()
                    + " is already in use; set PRESENCE_SCHEMA_REGISTRY_PORT");
            assertThat(run.stdout()).doesNotContain("\tat ");
        }
    }

    @Test
    void anUnreachableKafkaIsOneLineAndExitStatus1AfterTheTimeout() throws Exception {
        Run run = runMain(Map.of("PRESENCE_SCHEMA_REGISTRY_PORT", "0", "PRESENCE_KAFKA_BOOTSTRAP", NO_KAFKA,
                "PRESENCE_SCHEMA_REGISTRY_KAFKA_TIMEOUT", "2s"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().strip()).startsWith("cannot start the schema registry: cannot set up _schemas on Kafka at " + NO_KAFKA)
                .contains("PRESENCE_KAFKA_BOOTSTRAP")
                .doesNotContain("\n");
        assertThat(run.stdout()).doesNotContain("\tat ");
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run runMain(Map<String, String> env) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RegistryMain.class.getName())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PRESENCE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("RegistryMain did not exit within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
