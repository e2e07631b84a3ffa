package io.presence.streams.audit;

import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.config.KafkaConnection;
import io.presence.schemas.serde.AvroWireSerde;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The audit's replay for a caller in code rather than on the command line: presence-bench's
 * {@code replay} scenario (issue 8) times {@code verify} against a bare read of the same partitions.
 * Public for that alone; the audit's own classes stay package-private behind this narrow door, and
 * the bare read lives here because it must read exactly as {@code verify} does — the same consumers,
 * one per partition on the same pool, each to the end it saw when it started — for the comparison to
 * measure only what {@code verify} does with the records.
 */
public final class AuditReplays implements AutoCloseable {

    private final AuditCluster cluster;
    private final int threads;

    private AuditReplays(AuditCluster cluster, int threads) {
        this.cluster = cluster;
        this.threads = threads;
    }

    /** Checks the broker and the registry up front, as the CLI does; {@code threads} partitions are read in parallel. */
    public static AuditReplays connect(String bootstrap, String registryUrl, int threads) {
        return new AuditReplays(AuditCluster.connect(KafkaConnection.to(bootstrap), registryUrl), threads);
    }

    /** {@code verify} of {@code eventsTopic} against {@code changesTopic}, with no progress bar; mismatches are only counted. */
    public VerifyReplay.Verdict verify(String eventsTopic, String changesTopic) {
        return new VerifyReplay(cluster, eventsTopic, changesTopic, threads).run(ProgressDisplay.none(), mismatch -> { });
    }

    /** Reads what {@link #verify} reads, the way it reads it, and does nothing with the records; returns how many. */
    public long readOnly(String eventsTopic, String changesTopic) {
        return read(eventsTopic, changesTopic, record -> { });
    }

    /**
     * Reads as {@link #readOnly} does and decodes every value with its topic's serde, as {@link #verify}
     * does before folding and comparing; returns how many records were read.
     */
    public long readDecoded(String eventsTopic, String changesTopic) {
        AvroWireSerde<PresenceEvent> events = cluster.eventSerde();
        AvroWireSerde<StatusChange> changes = cluster.statusChangeSerde();
        return read(eventsTopic, changesTopic, record -> (record.topic().equals(eventsTopic) ? events : changes)
                .deserialize(record.topic(), record.value()));
    }

    private long read(String eventsTopic, String changesTopic, Consumer<ConsumerRecord<String, byte[]>> each) {
        ReplayProgress counter = ReplayProgress.hidden();
        ParallelPartitions.run(ParallelPartitions.all(cluster.partitions(eventsTopic)), threads, partition -> {
            try (KafkaConsumer<String, byte[]> consumer = cluster.consumer()) {
                List<TopicPartition> both = List.of(new TopicPartition(eventsTopic, partition), new TopicPartition(changesTopic, partition));
                LogScan.scan(consumer, LogScan.endsNow(consumer, both), counter, each);
            }
        });
        return counter.done();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
