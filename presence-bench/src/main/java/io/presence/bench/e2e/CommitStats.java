package io.presence.bench.e2e;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A stream thread's commits, from Kafka Streams' own metrics: how many so far ({@code commit-total};
 * under exactly-once each is a transaction, which is what a shorter commit interval costs) and how long
 * they took ({@code commit-latency-avg}, {@code -max}, ms, over the metrics window of the last ~30–60 s:
 * a record becomes visible only when the commit after it finishes). NaN where none was recorded.
 */
record CommitStats(double total, double avgMs, double maxMs) {

    private static final String GROUP = "stream-thread-metrics";

    static CommitStats of(Map<MetricName, ? extends Metric> metrics) {
        return new CommitStats(metric(metrics, "commit-total"), metric(metrics, "commit-latency-avg"),
                metric(metrics, "commit-latency-max"));
    }

    private static double metric(Map<MetricName, ? extends Metric> metrics, String name) {
        double sum = Double.NaN;
        for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
            if (GROUP.equals(metric.getKey().group()) && name.equals(metric.getKey().name())
                    && metric.getValue().metricValue() instanceof Double value) {
                // one stream thread in this bench; with more, the figures would be the sum over them
                sum = Double.isNaN(sum) ? value : sum + value;
            }
        }
        return sum;
    }

    /** Commits per second since {@code before}, {@code elapsed} ago, and how long they took. */
    String formatSince(CommitStats before, Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f commits/s, each took avg %.1f ms, max %.1f ms (the last two over Kafka Streams' "
                + "metrics window)", (total - before.total) / (elapsed.toNanos() / 1e9), avgMs, maxMs);
    }
}
