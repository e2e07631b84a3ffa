package io.presence.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.schemas.topics.TopicLayout;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagBacklogTest {

    private static final TopicPartition EVENTS_3 = new TopicPartition(TopicLayout.EVENTS, 3);

    @Test
    void aPartitionNotFetchedYetCountsAsBehind() {
        try (ConsumerLagBacklog backlog = new ConsumerLagBacklog()) {
            assertThat(backlog.recordsBehind(EVENTS_3)).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void theLagIsTheConsumersRecordsLagOfTheEventsPartition() {
        Map<MetricName, Metric> metrics = Map.of(
                lag("records-lag", TopicLayout.EVENTS, "3"), value(120.0),
                lag("records-lag", "presence.subscriptions", "3"), value(9_999.0),
                lag("records-lag", "presence_events", "4"), value(7.0),
                lag("records-lag-max", TopicLayout.EVENTS, "3"), value(50_000.0));
        try (ConsumerLagBacklog backlog = new ConsumerLagBacklog()) {
            backlog.startSampling(() -> metrics, Duration.ofMillis(10));

            await().atMost(Duration.ofSeconds(5)).until(() -> backlog.recordsBehind(EVENTS_3) == 120);
            assertThat(backlog.recordsBehind(new TopicPartition(TopicLayout.EVENTS, 4))).isEqualTo(7);
        }
    }

    private static MetricName lag(String name, String topic, String partition) {
        return new MetricName(name, "consumer-fetch-manager-metrics", "",
                Map.of("client-id", "c1", "topic", topic, "partition", partition));
    }

    private static Metric value(double v) {
        return new Metric() {
            @Override
            public MetricName metricName() {
                throw new UnsupportedOperationException("not needed");
            }

            @Override
            public Object metricValue() {
                return v;
            }
        };
    }
}
