package io.presence.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Waits until a cluster serves clients: every expected broker is registered, unfenced and visible in metadata. */
final class BrokerReadiness {

    private static final int CALL_TIMEOUT_MS = 2_000;

    private BrokerReadiness() {
    }

    /**
     * @param stillStarting called between attempts; throws to abort the wait early, e.g. when the broker process died
     */
    static void await(String bootstrapServers, int expectedBrokers, Duration timeout, Runnable stillStarting)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS))) {
            int seen = 0;
            ExecutionException lastFailure = null;
            while (System.nanoTime() < deadline) {
                stillStarting.run();
                try {
                    seen = admin.describeCluster(new DescribeClusterOptions().timeoutMs(CALL_TIMEOUT_MS))
                            .nodes().get().size();
                    if (seen >= expectedBrokers) {
                        return;
                    }
                } catch (ExecutionException stillStartingUp) {
                    // expected while the broker starts; reported below if it never stops failing
                    lastFailure = stillStartingUp;
                }
                Thread.sleep(100);
            }
            TimeoutException timedOut = new TimeoutException("Kafka at " + bootstrapServers + " did not show "
                    + expectedBrokers + " broker(s) within " + timeout + " (last seen: " + seen + ")");
            timedOut.initCause(lastFailure);
            throw timedOut;
        }
    }
}
