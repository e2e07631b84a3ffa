package io.presence.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class CommitStatsTest {

    @Test
    void readsTheStreamThreadsCommitsAndTheirRateOverAPhase() {
        CommitStats before = CommitStats.of(Map.ofEntries(
                threadMetric("commit-total", 100.0), threadMetric("commit-latency-avg", 2.0), threadMetric("commit-latency-max", 9.0)));
        CommitStats after = CommitStats.of(Map.ofEntries(
                threadMetric("commit-total", 180.0), threadMetric("commit-latency-avg", 2.5), threadMetric("commit-latency-max", 12.0),
                metric("consumer-metrics", "commit-total", 7.0)));

        assertThat(after).isEqualTo(new CommitStats(180.0, 2.5, 12.0));
        assertThat(after.formatSince(before, Duration.ofSeconds(8))).startsWith("10.0 commits/s, each took avg 2.5 ms, max 12.0 ms");
    }

    @Test
    void missingMetricsAreNotANumber() {
        assertThat(CommitStats.of(Map.of()).total()).isNaN();
    }

    private static Map.Entry<MetricName, Metric> threadMetric(String name, double value) {
        return metric("stream-thread-metrics", name, value);
    }

    private static Map.Entry<MetricName, Metric> metric(String group, String name, double value) {
        MetricName metricName = new MetricName(name, group, "", Map.of());
        return Map.entry(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }
}
