package io.presence.streams.app;

import static org.awaitility.Awaitility.await;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** presence-streams as its own JVM ({@link StreamsMain}), configured by environment as a deployment is: killable, and its exit code observable. */
public final class ChildStreams {

    private ChildStreams() {
    }

    /**
     * Starts an instance of {@code applicationId} on {@code cluster} with its state in {@code stateDir}, its
     * output in {@code target/child-streams/<name>.log}, {@code env} on top, and returns once {@code /health} is 200.
     */
    public static Process start(PresenceCluster cluster, String applicationId, Path stateDir, String name, Map<String, String> env) {
        int port = FreePort.find();
        Map<String, String> all = new HashMap<>(Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", cluster.bootstrapServers(),
                "PRESENCE_SCHEMA_REGISTRY_URL", cluster.registryUrl(),
                "PRESENCE_AUTH_SECRET", TestTokens.SECRET,
                "PRESENCE_STREAMS_APPLICATION_ID", applicationId,
                "PRESENCE_STREAMS_PORT", Integer.toString(port),
                "PRESENCE_STREAMS_ADVERTISED_HOST", "localhost",
                "PRESENCE_STREAMS_STATE_DIR", stateDir.toString()));
        all.putAll(env);
        // failsafe runs tests from a manifest-only jar; its real class path is in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = ChildJvm.start(List.of("-Xmx512m"), classPath, StreamsMain.class.getName(), List.of(), all,
                log(name), false);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return process;
    }

    public static Path log(String name) {
        return Path.of("target", "child-streams", name + ".log");
    }
}
