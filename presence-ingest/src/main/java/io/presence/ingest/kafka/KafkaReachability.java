package io.presence.ingest.kafka;

import io.presence.http.ReadinessCheck;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness for {@code /health}: whether the Kafka cluster answered a describe-cluster request
 * recently. Probed on its own thread every interval, so a health request never waits for Kafka.
 */
public final class KafkaReachability implements ReadinessCheck, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaReachability.class);

    private final Admin admin;
    private final Duration interval;
    private final ScheduledExecutorService prober;
    private volatile String problem = "Kafka has not been probed yet";

    public KafkaReachability(Admin admin, Duration interval) {
        this.admin = admin;
        this.interval = interval;
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-reachability");
            thread.setDaemon(true);
            return thread;
        });
    }

    public KafkaReachability start() {
        prober.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public Optional<String> whyNotReady() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void close() {
        prober.shutdownNow();
        admin.close(interval);
    }

    private void probe() {
        String found;
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) interval.toMillis()))
                    .nodes().get().size();
            found = brokers > 0 ? null : "the Kafka cluster has no live brokers";
        } catch (ExecutionException e) {
            found = "Kafka not reachable: " + e.getCause().getClass().getSimpleName() + " " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (found == null && problem != null) {
            log.info("Kafka reachable");
        } else if (found != null && problem == null) {
            log.warn("not ready: {}", found);
        }
        problem = found;
    }
}
