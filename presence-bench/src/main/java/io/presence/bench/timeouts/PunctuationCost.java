package io.presence.bench.timeouts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The detector's cost per tick, from Kafka Streams' own task metrics {@code punctuate-latency-avg}
 * (nanoseconds, recorded at recording level DEBUG; the thread-level one has only millisecond
 * resolution) and {@code punctuate-rate} (group {@code stream-task-metrics}). The topology has
 * other wall-clock punctuators on other intervals (fan-out turns, the subscription retention
 * sweep), so an average per call would mostly average their idle calls: instead the time spent
 * punctuating per second, summed over tasks, is divided by the detector's ticks per second. That is
 * the detector's work plus the others' idle overhead, which is the same at every size.
 *
 * <p>Sampled once a {@link #SAMPLE_WINDOW} while expiries are due; the Streams config shortens the
 * metrics' sample window to that, so each sample covers about its own second.
 */
final class PunctuationCost implements AutoCloseable {

    /** The Streams {@code metrics.sample.window.ms} to run with. */
    static final Duration SAMPLE_WINDOW = Duration.ofSeconds(1);
    /** The Streams {@code metrics.recording.level} that records the task-level punctuation metrics. */
    static final String RECORDING_LEVEL = "DEBUG";

    private static final String GROUP = "stream-task-metrics";
    private static final String TASK = "task-id";
    private static final double NANOS_PER_MS = 1_000_000.0;

    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private final double ticksPerSecond;
    private final List<Double> tickMs = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-punctuation-sampler");
        thread.setDaemon(true);
        return thread;
    });

    PunctuationCost(Supplier<Map<MetricName, ? extends Metric>> metrics, Duration detectorTick) {
        this.metrics = metrics;
        this.ticksPerSecond = 1000.0 / detectorTick.toMillis();
    }

    /** Samples from {@code fromMillis} (wall clock) until closed. */
    void sampleFrom(long fromMillis) {
        long delay = Math.max(0, fromMillis - System.currentTimeMillis()) + SAMPLE_WINDOW.toMillis();
        sampler.scheduleAtFixedRate(this::sample, delay, SAMPLE_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        Map<String, Double> avgNanosByTask = new HashMap<>();
        Map<String, Double> ratesByTask = new HashMap<>();
        metrics.get().forEach((name, metric) -> {
            if (GROUP.equals(name.group()) && metric.metricValue() instanceof Double value && !value.isNaN()) {
                if (name.name().equals("punctuate-latency-avg")) {
                    avgNanosByTask.put(name.tags().get(TASK), value);
                } else if (name.name().equals("punctuate-rate")) {
                    ratesByTask.put(name.tags().get(TASK), value);
                }
            }
        });
        if (!avgNanosByTask.isEmpty()) {
            double nanosPerSecond = 0;
            for (Map.Entry<String, Double> task : avgNanosByTask.entrySet()) {
                nanosPerSecond += task.getValue() * ratesByTask.getOrDefault(task.getKey(), 0.0);
            }
            tickMs.add(nanosPerSecond / ticksPerSecond / NANOS_PER_MS);
        }
    }

    /** Mean over the samples of one detector tick's cost (all tasks), in ms. */
    synchronized double meanMs() {
        return tickMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    synchronized String format() {
        double max = tickMs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "punctuation per detector tick (all tasks): mean %.3f ms, worst second %.3f ms,"
                + " over %d one-second samples", meanMs(), max, tickMs.size());
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
