package io.presence.streams.audit;

import static org.awaitility.Awaitility.await;

import io.presence.streams.app.StreamsMain;
import io.presence.streams.subscription.TestTokens;
import io.presence.testkit.ChildJvm;
import io.presence.testkit.FreePort;
import io.presence.testkit.PresenceCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * presence-streams instances killed like a crash (SIGKILL: no shutdown hook, a transaction left open,
 * the group told nothing) under load. Two instances with a standby of each task (the default), so the
 * survivor of a kill takes over from its standbys: A is killed, started again on its state directory
 * (under exactly-once its tasks' state is wiped and restored from the changelogs), then B is killed and
 * A carries on alone. {@link FailureUnderLoad} says what must hold after it.
 */
class CrashRecoveryIT extends FailureUnderLoad {

    private final List<Process> running = new ArrayList<>();
    private PresenceCluster cluster;

    @BeforeAll
    void killEachInstanceMidStream(@TempDir Path stateDirs) throws Exception {
        cluster = PresenceCluster.onOwnBroker();
        Process a = startApp(stateDirs.resolve("a"), "a");
        Process b = startApp(stateDirs.resolve("b"), "b");
        startLoad(cluster);
        loginSilentUsers();

        kill(a);
        failingNow();
        startApp(stateDirs.resolve("a"), "a-restarted");
        kill(b);
        finishLoad(Duration.ofSeconds(3));
    }

    @AfterAll
    void stopApps() throws InterruptedException {
        for (Process process : running) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** presence-streams as its own JVM ({@link StreamsMain}), configured as a deployment is, healthy (RUNNING) on return. */
    private Process startApp(Path stateDir, String name) {
        int port = FreePort.find();
        Map<String, String> env = Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", cluster.bootstrapServers(),
                "PRESENCE_SCHEMA_REGISTRY_URL", cluster.registryUrl(),
                "PRESENCE_AUTH_SECRET", TestTokens.SECRET,
                "PRESENCE_HEARTBEAT_TIMEOUT", TIMEOUT.toSeconds() + "s",
                "PRESENCE_STREAMS_APPLICATION_ID", applicationId,
                "PRESENCE_STREAMS_PORT", Integer.toString(port),
                "PRESENCE_STREAMS_ADVERTISED_HOST", "localhost",
                "PRESENCE_STREAMS_STATE_DIR", stateDir.toString(),
                // the killed member holds its tasks until the group gives up on it: the broker's minimum
                "PRESENCE_STREAMS_SESSION_TIMEOUT", "6s");
        // failsafe runs tests from a manifest-only jar; its real class path is in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = ChildJvm.start(List.of("-Xmx512m"), classPath, StreamsMain.class.getName(), List.of(), env,
                Path.of("target", "crash-recovery-it", name + "-streams.log"), false);
        running.add(process);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return process;
    }

    /** SIGKILL: no shutdown hook, the open transaction left to be aborted, the group told nothing. */
    private void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        running.remove(process);
    }
}
