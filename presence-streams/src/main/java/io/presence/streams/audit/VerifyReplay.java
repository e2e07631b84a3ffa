package io.presence.streams.audit;

import io.presence.avro.StatusChange;
import io.presence.schemas.serde.AvroWireSerde;
import io.presence.streams.avro.UserStatusMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

/**
 * R-AUD-2: replays {@code presence.events} from the beginning and compares, per user, the changes
 * it produces (mapped to {@code StatusChange} by the live app's own {@link UserStatusMapper}) with
 * the published ones. One consumer per partition reads the events partition and the co-partitioned
 * status-changes partition side by side, so only the skew between them is buffered.
 *
 * <p>Both ends are fixed when the run starts; verify a quiet log (the app caught up, no expiry
 * pending), or changes still in flight show up as missing.
 *
 * <p>Public only so that {@link AuditReplays} can hand its {@link Verdict} out; it is built and run
 * inside this package.
 */
public final class VerifyReplay {

    /** The verdict: identical changes and mismatches over the partitions read. */
    public record Verdict(long identical, long mismatches, long skippedEvents, long recordsRead) {
        public boolean identicalLogs() {
            return mismatches == 0;
        }
    }

    private final AuditCluster cluster;
    private final String eventsTopic;
    private final String changesTopic;
    private final int threads;

    VerifyReplay(AuditCluster cluster, String eventsTopic, String changesTopic, int threads) {
        this.cluster = cluster;
        this.eventsTopic = eventsTopic;
        this.changesTopic = changesTopic;
        this.threads = threads;
    }

    /** @param onMismatch called for each difference as found; calls are serialized */
    Verdict run(ProgressDisplay display, Consumer<ChangeComparison.Mismatch> onMismatch) {
        int partitions = cluster.partitions(eventsTopic);
        int changePartitions = cluster.partitions(changesTopic);
        if (changePartitions != partitions) {
            throw new AuditException(changesTopic + " has " + changePartitions + " partitions but " + eventsTopic
                    + " has " + partitions + "; they must be co-partitioned", ExitCodes.UNAVAILABLE);
        }
        List<Integer> all = ParallelPartitions.all(partitions);
        Map<TopicPartition, Long> ends;
        try (KafkaConsumer<String, byte[]> consumer = cluster.consumer()) {
            ends = LogScan.endsNow(consumer, all.stream().flatMap(p -> List.of(
                    new TopicPartition(eventsTopic, p), new TopicPartition(changesTopic, p)).stream()).toList());
        }
        AtomicLong identical = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        Consumer<ChangeComparison.Mismatch> serialized = mismatch -> {
            synchronized (onMismatch) {
                onMismatch.accept(mismatch);
            }
        };
        long recordsRead;
        try (ReplayProgress progress = display.start(ends.values().stream().mapToLong(Long::longValue).sum())) {
            ParallelPartitions.run(all, threads, partition -> {
                ChangeComparison comparison = new ChangeComparison(serialized);
                long skippedHere = compare(partition, ends, progress, comparison);
                comparison.finish();
                identical.addAndGet(comparison.identical());
                mismatches.addAndGet(comparison.mismatches());
                skipped.addAndGet(skippedHere);
            });
            recordsRead = progress.done();
        }
        return new Verdict(identical.get(), mismatches.get(), skipped.get(), recordsRead);
    }

    private long compare(int partition, Map<TopicPartition, Long> ends, ReplayProgress progress,
                         ChangeComparison comparison) {
        TopicPartition events = new TopicPartition(eventsTopic, partition);
        TopicPartition changes = new TopicPartition(changesTopic, partition);
        ReplayFold fold = new ReplayFold(cluster.eventSerde(), eventsTopic);
        AvroWireSerde<StatusChange> changeSerde = cluster.statusChangeSerde();
        try (KafkaConsumer<String, byte[]> consumer = cluster.consumer()) {
            LogScan.scan(consumer, Map.of(events, ends.get(events), changes, ends.get(changes)), progress, record -> {
                if (record.topic().equals(eventsTopic)) {
                    fold.apply(record.key(), record.value(), record.timestamp()).flatMap(result -> result.transition()).ifPresent(t ->
                            comparison.replayed(UserStatusMapper.toStatusChange(t, UserStatusMapper.toUserStatus(t.current()))));
                } else {
                    published(record, changeSerde, comparison);
                }
            });
        }
        return fold.skipped();
    }

    private void published(ConsumerRecord<String, byte[]> record, AvroWireSerde<StatusChange> serde,
                           ChangeComparison comparison) {
        StatusChange change;
        try {
            change = serde.deserialize(changesTopic, record.value());
        } catch (SerializationException e) {
            AuditException.stopIfRegistryUnavailable(e);
            comparison.publishedUndecodable(record.key(), changesTopic + "-" + record.partition() + "@" + record.offset(),
                    e.getMessage());
            return;
        }
        if (change == null) {
            comparison.publishedUndecodable(record.key(), changesTopic + "-" + record.partition() + "@" + record.offset(),
                    "no value (a tombstone)");
            return;
        }
        comparison.published(change);
    }
}
