package io.presence.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.streams.app.StreamsService;
import io.presence.streams.app.TestStreamsSettings;
import io.presence.streams.timeout.SessionTimeouts;
import io.presence.testkit.PresenceCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only broker stops under load and comes back {@link #OUTAGE} later, longer than the silent
 * connections' timeout, so their expiries fall due while nothing can be written; the app is not
 * restarted. Gateways' producers buffer and retry meanwhile. {@link FailureUnderLoad} says what must
 * hold after it; and the app is running again, not failed.
 */
class BrokerRestartIT extends FailureUnderLoad {

    private static final Duration OUTAGE = Duration.ofSeconds(15);

    private StreamsService service;

    @BeforeAll
    void restartTheBrokerUnderLoad(@TempDir Path stateDir) throws Exception {
        PresenceCluster cluster = PresenceCluster.onOwnBroker();
        service = StreamsService.start(TestStreamsSettings.on(cluster, applicationId, stateDir,
                new SessionTimeouts(TIMEOUT, Map.of(), Duration.ofDays(30))));
        await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
        startLoad(cluster);
        loginSilentUsers();

        cluster.broker().stop();
        failingNow();
        Thread.sleep(OUTAGE.toMillis());
        cluster.broker().startAgain();
        finishLoad(Duration.ofSeconds(3));
    }

    @AfterAll
    void stopApp() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theAppRunsOnAfterTheOutage() {
        assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
}
