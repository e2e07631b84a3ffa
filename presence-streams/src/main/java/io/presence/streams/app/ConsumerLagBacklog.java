package io.presence.streams.app;

import io.presence.schemas.topics.TopicLayout;
import io.presence.streams.timeout.InputBacklog;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector's replay guard, fed by the consumers' own {@code records-lag} metric for
 * {@code presence.events} (records between the consumer's position and the partition's end, as of
 * the last fetch). Sampled on its own thread from {@code KafkaStreams#metrics()}, so the stream
 * threads only read a map. A partition with no sample yet counts as behind: the detector waits for
 * the first fetch rather than guess.
 */
final class ConsumerLagBacklog implements InputBacklog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagBacklog.class);

    private static final String LAG_METRIC = "records-lag";
    private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";
    // the consumer tags topics both as named and with "." as "_" (the older, deprecated tag)
    private static final String EVENTS_TAG_LEGACY = TopicLayout.EVENTS.replace('.', '_');

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "presence-input-lag-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<Integer, Long> lagByPartition = Map.of();

    @Override
    public long recordsBehind(TopicPartition partition) {
        return lagByPartition.getOrDefault(partition.partition(), Long.MAX_VALUE);
    }

    void startSampling(Supplier<Map<MetricName, ? extends Metric>> metrics, Duration interval) {
        sampler.scheduleWithFixedDelay(() -> sample(metrics), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        try {
            Map<Integer, Long> lags = new HashMap<>();
            metrics.get().forEach((name, metric) -> {
                if (isEventsLag(name) && metric.metricValue() instanceof Double lag && !lag.isNaN()) {
                    lags.merge(Integer.parseInt(name.tags().get("partition")), lag.longValue(), Math::max);
                }
            });
            lagByPartition = Map.copyOf(lags);
        } catch (RuntimeException e) {
            // a failed sample keeps the previous one; the next tries again
            log.warn("could not sample the consumers' lag on {}: {}", TopicLayout.EVENTS, e.toString());
        }
    }

    private static boolean isEventsLag(MetricName name) {
        String topic = name.tags().get("topic");
        return LAG_METRIC.equals(name.name()) && FETCH_GROUP.equals(name.group()) && name.tags().containsKey("partition")
                && (TopicLayout.EVENTS.equals(topic) || EVENTS_TAG_LEGACY.equals(topic));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
