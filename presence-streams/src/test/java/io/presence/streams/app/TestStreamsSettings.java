package io.presence.streams.app;

import io.presence.config.KafkaConnection;
import io.presence.config.PresenceConfigLoader;
import io.presence.streams.query.QuerySettings;
import io.presence.streams.subscription.TestTokens;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.SessionTimeouts;
import io.presence.streams.topology.TopologySettings;
import io.presence.testkit.PresenceCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The settings of one presence-streams instance in an integration test: what differs is only its id, state and timeouts. */
public final class TestStreamsSettings {

    private TestStreamsSettings() {
    }

    /** One stream thread, no standbys, the default detector, the test token secret, reachable as localhost. */
    public static PresenceStreamsSettings on(PresenceCluster cluster, String applicationId, Path stateDir,
                                             SessionTimeouts timeouts) {
        return on(cluster, applicationId, stateDir, timeouts, Duration.ofSeconds(45));
    }

    /**
     * As {@link #on(PresenceCluster, String, Path, SessionTimeouts)}, with the group's session timeout: how long
     * a stream thread that died without leaving (a crash, or one Kafka Streams replaces) holds its tasks.
     */
    public static PresenceStreamsSettings on(PresenceCluster cluster, String applicationId, Path stateDir,
                                             SessionTimeouts timeouts, Duration sessionTimeout) {
        return new PresenceStreamsSettings(KafkaConnection.to(cluster.bootstrapServers()), cluster.registryUrl(), cluster.layout(),
                applicationId, 0, stateDir, 1, 0, Duration.ofMillis(100), sessionTimeout, "", 64L << 20, 16L << 20,
                new TopologySettings(timeouts, DetectorSettings.defaults()),
                QuerySettings.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", TestTokens.SECRET,
                        "PRESENCE_STREAMS_ADVERTISED_HOST", "localhost"))));
    }
}
