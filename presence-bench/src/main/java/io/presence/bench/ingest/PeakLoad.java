package io.presence.bench.ingest;

import io.presence.bench.report.LatencySummary;
import io.presence.bench.report.Throughput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load: every batch once, at most {@code inFlight} calls outstanding (one per gateway
 * connection), as fast as ingest answers. Measures events/s accepted (= durable in Kafka).
 */
final class PeakLoad {

    record Outcome(Throughput throughput, LatencySummary latency) {
    }

    private final GatewayClient client;
    private final int inFlight;

    PeakLoad(GatewayClient client, int inFlight) {
        this.client = client;
        this.inFlight = inFlight;
    }

    Outcome run(List<byte[]> bodies, List<Integer> sizes) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        AtomicLong accepted = new AtomicLong();
        Recorder latency = new Recorder(3);
        CompletableFuture<?>[] calls = new CompletableFuture<?>[bodies.size()];
        long started = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            slots.acquire();
            long sent = System.nanoTime();
            calls[i] = client.post(bodies.get(i), sizes.get(i)).whenComplete((n, error) -> {
                slots.release();
                if (error == null) {
                    accepted.addAndGet(n);
                    latency.recordValue((System.nanoTime() - sent) / 1000);
                }
            });
        }
        CompletableFuture.allOf(calls).join();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Outcome(new Throughput(accepted.get(), elapsed), LatencySummary.of(latency.getIntervalHistogram()));
    }
}
