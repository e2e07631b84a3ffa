package io.presence.bench.fanout;

import io.presence.avro.StatusNotification;
import io.presence.bench.cluster.PartitionOffsets;
import io.presence.bench.report.LatencySummary;
import io.presence.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@code presence.notifications} as downstream services do (read_committed), from the run's
 * start, on its own thread: counts the target's notifications per version — each recipient once —
 * with the moment the last one became visible, and samples the latency of the other users' changes
 * (sent → their notification visible).
 */
final class NotificationWatch implements AutoCloseable {

    private record Sample(long sentNanos, long latencyMicros) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<StatusNotification> values;
    private final String topic;
    private final String target;
    private final OtherUsersLoad others;
    private final Thread reader;
    private final Map<Long, Set<String>> toldByVersion = new HashMap<>();
    private final Map<Long, Integer> duplicatesByVersion = new HashMap<>();
    private final Map<Long, Long> lastSeenByVersion = new HashMap<>();
    private final Map<Long, StatusNotification> exampleByVersion = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private volatile Exception failure;

    NotificationWatch(String bootstrap, Topic<String, StatusNotification> notifications, PartitionOffsets from,
                      String target, OtherUsersLoad others) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.values = notifications.valueSerde().deserializer();
        this.topic = notifications.name();
        this.target = target;
        this.others = others;
        consumer.assign(from.byPartition().keySet());
        from.byPartition().forEach(consumer::seek);
        this.reader = new Thread(this::readUntilClosed, "bench-notification-watch");
        reader.setDaemon(true);
        reader.start();
    }

    /** Blocks until {@code expected} recipients were told of the target's {@code version}; returns when the last became visible. */
    long awaitTold(long version, int expected, Duration timeout) throws InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (this) {
                if (told(version) >= expected) {
                    return lastSeenByVersion.get(version);
                }
            }
            if (failure != null) {
                throw new IllegalStateException("reading the notifications failed: " + failure, failure);
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("only " + told(version) + " of " + expected + " recipients told of version "
                        + version + " within " + timeout);
            }
            Thread.sleep(2);
        }
    }

    synchronized int told(long version) {
        return toldByVersion.getOrDefault(version, Set.of()).size();
    }

    synchronized int duplicates(long version) {
        return duplicatesByVersion.getOrDefault(version, 0);
    }

    synchronized StatusNotification example(long version) {
        return exampleByVersion.get(version);
    }

    /** Latencies of the other users' changes sent in [{@code fromNanos}, {@code toNanos}). */
    synchronized LatencySummary othersSentBetween(long fromNanos, long toNanos) {
        Histogram micros = LatencySummary.newMicrosHistogram();
        for (Sample sample : samples) {
            if (sample.sentNanos() >= fromNanos && sample.sentNanos() < toNanos) {
                micros.recordValue(sample.latencyMicros());
            }
        }
        return LatencySummary.of(micros);
    }

    private void readUntilClosed() {
        try {
            while (true) {
                var records = consumer.poll(Duration.ofMillis(50));
                long seenAt = System.nanoTime();
                synchronized (this) {
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        take(values.deserialize(topic, record.value()), seenAt);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the consumer up: the reading is over
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void take(StatusNotification notification, long seenAt) {
        if (notification.getUserId().equals(target)) {
            long version = notification.getVersion();
            if (!toldByVersion.computeIfAbsent(version, v -> new HashSet<>()).add(notification.getRecipientId())) {
                duplicatesByVersion.merge(version, 1, Integer::sum);
            }
            lastSeenByVersion.put(version, seenAt);
            exampleByVersion.putIfAbsent(version, notification);
            return;
        }
        Long sent = others.sentAt(notification.getUserId(), notification.getVersion());
        if (sent != null) {
            samples.add(new Sample(sent, Math.max(0, (seenAt - sent) / 1_000)));
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        reader.join(10_000);
        consumer.close();
    }
}
