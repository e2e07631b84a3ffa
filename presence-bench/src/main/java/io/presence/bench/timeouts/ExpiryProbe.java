package io.presence.bench.timeouts;

import io.presence.avro.EventType;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.bench.cluster.PartitionOffsets;
import io.presence.bench.report.LatencySummary;
import io.presence.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches, as an outside reader would (read_committed, so only what the detector's transactions
 * committed), for the expiries: each HEARTBEAT_EXPIRED in {@code presence.events} and each status
 * change it caused in {@code presence.status-changes}. The latency of each is the wall clock when
 * it was read minus the connection's deadline (its last heartbeat plus the timeout) — computed
 * from the event's own fields, not from the timestamp the detector stamps on it.
 */
final class ExpiryProbe implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topic<String, PresenceEvent> events;
    private final Topic<String, StatusChange> changes;
    private final long timeoutMs;
    private final Histogram proposalMicros = LatencySummary.newMicrosHistogram();
    private final Histogram offlineMicros = LatencySummary.newMicrosHistogram();

    /** Reads both topics from the given offsets (their ends before the run's logins were loaded). */
    ExpiryProbe(String bootstrap, Topic<String, PresenceEvent> events, PartitionOffsets eventsFrom,
                Topic<String, StatusChange> changes, PartitionOffsets changesFrom, Duration timeout) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // a fetch otherwise parks up to 500 ms on an idle log; this bounds the probe's own share of the latency
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.events = events;
        this.changes = changes;
        this.timeoutMs = timeout.toMillis();
        List<TopicPartition> partitions = new ArrayList<>(eventsFrom.byPartition().keySet());
        partitions.addAll(changesFrom.byPartition().keySet());
        consumer.assign(partitions);
        eventsFrom.byPartition().forEach(consumer::seek);
        changesFrom.byPartition().forEach(consumer::seek);
    }

    /** Reads until {@code expected} expiries and as many OFFLINE changes were seen, or the wall clock passes {@code until}. */
    void readUntil(long expected, long until) {
        while ((proposalMicros.getTotalCount() < expected || offlineMicros.getTotalCount() < expected)
                && System.currentTimeMillis() < until) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                long readAt = System.currentTimeMillis();
                if (record.topic().equals(events.name())) {
                    onEvent(events.valueSerde().deserializer().deserialize(record.topic(), record.value()), readAt);
                } else {
                    onChange(changes.valueSerde().deserializer().deserialize(record.topic(), record.value()), readAt);
                }
            }
        }
    }

    private void onEvent(PresenceEvent event, long readAt) {
        if (event.getType() == EventType.HEARTBEAT_EXPIRED) {
            record(proposalMicros, readAt - (event.getLastHeartbeatAt().toEpochMilli() + timeoutMs));
        }
    }

    private void onChange(StatusChange change, long readAt) {
        if (change.getCauseType() == EventType.HEARTBEAT_EXPIRED) {
            record(offlineMicros, readAt - (change.getCurrent().getLastSeenAt().toEpochMilli() + timeoutMs));
        }
    }

    // the detector never proposes before the deadline, so a negative lag can only be clock granularity
    private static void record(Histogram histogram, long lagMs) {
        histogram.recordValue(Math.max(0, lagMs) * 1000);
    }

    LatencySummary proposals() {
        return LatencySummary.of(proposalMicros);
    }

    LatencySummary offlineChanges() {
        return LatencySummary.of(offlineMicros);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
