package io.presence.notifier.intake;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the finished-offsets watermark of {@link CompletedOffsets}: asynchronously every interval
 * while consuming, synchronously when partitions leave and on shutdown. Used on the consumer thread only.
 */
final class OffsetCommits {

    private static final Logger log = LoggerFactory.getLogger(OffsetCommits.class);

    private final Consumer<byte[], byte[]> consumer;
    private final CompletedOffsets offsets;
    private final Duration interval;
    private long lastCommitNanos = System.nanoTime();

    OffsetCommits(Consumer<byte[], byte[]> consumer, CompletedOffsets offsets, Duration interval) {
        this.consumer = consumer;
        this.offsets = offsets;
        this.interval = interval;
    }

    /** Commits what finished since the last commit, if the interval has passed; never blocks. */
    void commitIfDue() {
        long now = System.nanoTime();
        if (now - lastCommitNanos < interval.toNanos()) {
            return;
        }
        lastCommitNanos = now;
        Map<TopicPartition, OffsetAndMetadata> due = offsets.toCommit(consumer::position);
        if (!due.isEmpty()) {
            consumer.commitAsync(due, (committed, error) -> {
                if (error == null) {
                    offsets.committed(committed);
                } else {
                    log.warn("committing {} failed ({}); the next interval commits again", committed, error.toString());
                }
            });
        }
    }

    /** Commits what finished on these partitions and waits for it. */
    void commitNow(Collection<TopicPartition> partitions, String when) {
        commit(offsets.toCommit(partitions, consumer::position), when);
    }

    /** Commits what finished on every partition and waits for it. */
    void commitAllNow(String when) {
        commit(offsets.toCommit(consumer::position), when);
    }

    // A partition without a committed offset starts where auto.offset.reset says; committing that
    // start at once means a crash before the first finished notification cannot move it (with
    // "latest", a restart would otherwise skip what arrived meanwhile).
    void pinStartingOffsets(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, OffsetAndMetadata> pins = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                pins.put(partition, new OffsetAndMetadata(consumer.position(partition)));
            }
        }
        commit(pins, "to fix the starting offsets");
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> due, String when) {
        if (due.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(due);
            offsets.committed(due);
        } catch (KafkaException e) {
            log.warn("committing {} {} failed ({}); those records will be delivered again", due, when, e.toString());
        }
    }
}
