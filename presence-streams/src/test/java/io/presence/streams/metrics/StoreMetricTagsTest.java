package io.presence.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class StoreMetricTagsTest {

    @Test
    void storesOfDifferentTypesShareAMetricNameInTheScrape() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StoreMetricTags());

        // the tags Micrometer's Kafka binder gives a RocksDB and an in-memory store's put-rate
        Gauge.builder("kafka.stream.state.put.rate", () -> 1.0)
                .tags(Tags.of("rocksdb.state.id", "user-status", "task.id", "0_1")).register(registry);
        Gauge.builder("kafka.stream.state.put.rate", () -> 2.0)
                .tags(Tags.of("in.memory.state.id", "fanout-jobs", "task.id", "0_1")).register(registry);

        assertThat(registry.scrape()).contains(
                "kafka_stream_state_put_rate{state_id=\"user-status\",task_id=\"0_1\"} 1.0",
                "kafka_stream_state_put_rate{state_id=\"fanout-jobs\",task_id=\"0_1\"} 2.0");
    }

    @Test
    void otherMetricsKeepTheirTags() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StoreMetricTags());

        Gauge.builder("kafka.stream.thread.commit.rate", () -> 3.0)
                .tags(Tags.of("thread.id", "t-1")).register(registry);

        assertThat(registry.scrape()).contains("kafka_stream_thread_commit_rate{thread_id=\"t-1\"} 3.0");
    }
}
