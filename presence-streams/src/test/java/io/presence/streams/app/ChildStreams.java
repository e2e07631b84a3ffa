package io.presence.streams.app;

import io.presence.streams.subscription.TestTokens;
import io.presence.testkit.FreePort;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.ServiceProcess;
import java.nio.file.Path;
import java.util.HashMap;
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
        return ServiceProcess.startHealthy(StreamsMain.class.getName(), all, port, log(name));
    }

    public static Path log(String name) {
        return Path.of("target", "child-streams", name + ".log");
    }
}
