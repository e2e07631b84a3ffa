package io.presence.streams.audit;

import io.presence.schemas.topics.TopicLayout;
import io.presence.testkit.EmbeddedKafkaBroker;
import io.presence.testkit.PresenceCluster;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The replay benchmark (issue 8): records/s of {@code verify} (decode, validate, fold, map,
 * compare) over presence.events and presence.status-changes, against a raw read of the same
 * partitions with the same consumers in the same run. Goal: ratio ≥ 0.5. Starts its own broker and
 * registry. {@code --quick}: 300 000 events; default 5 000 000. Last line:
 * {@code RESULT scenario=replay value=<rec/s> unit=records/s baseline=<rec/s> ratio=<r>}.
 */
public final class ReplayBenchmarkMain {

    private ReplayBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        long events = quick ? 300_000 : 5_000_000;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        String result;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             PresenceCluster cluster = PresenceCluster.start(broker)) {
            long changes = write(cluster, events);
            System.err.printf("wrote %,d events and %,d changes on %d partitions%n", events, changes,
                    cluster.layout().userPartitions());
            try (AuditCluster audit = AuditCluster.connect(cluster.bootstrapServers(), cluster.registryUrl())) {
                // alternated and best of two, so neither side alone gets the cold or the warm page cache
                double raw = 0;
                double verify = 0;
                for (int round = 0; round < 2; round++) {
                    raw = Math.max(raw, rawRead(audit, threads));
                    verify = Math.max(verify, verify(audit, threads));
                }
                System.out.printf("raw read: %,.0f records/s; verify: %,.0f records/s (%d threads, %d cores)%n",
                        raw, verify, threads, Runtime.getRuntime().availableProcessors());
                result = String.format("RESULT scenario=replay value=%.0f unit=records/s baseline=%.0f ratio=%.2f",
                        verify, raw, verify / raw);
            }
        }
        // after the broker's shutdown logging, so the headline is the last line
        System.out.println(result);
    }

    private static long write(PresenceCluster cluster, long events) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.ACKS_CONFIG, "1"), new ByteArraySerializer(), new ByteArraySerializer())) {
            return new ReplayBenchWorkload(cluster.topics()).write(producer, events, (int) Math.max(1000, events / 50));
        }
    }

    /** The baseline: the same partitions read by the same consumers, records counted and nothing else. */
    private static double rawRead(AuditCluster audit, int threads) {
        String[] topics = {TopicLayout.EVENTS, TopicLayout.STATUS_CHANGES};
        int partitions = audit.partitions(topics[0]);
        ReplayProgress counter = ReplayProgress.hidden();
        long start = System.nanoTime();
        ParallelPartitions.run(ParallelPartitions.all(partitions), threads, p -> {
            try (KafkaConsumer<String, byte[]> consumer = audit.consumer()) {
                var both = List.of(new TopicPartition(topics[0], p), new TopicPartition(topics[1], p));
                LogScan.scan(consumer, LogScan.endsNow(consumer, both), counter, record -> { });
            }
        });
        return counter.done() / ((System.nanoTime() - start) / 1e9);
    }

    private static double verify(AuditCluster audit, int threads) {
        long start = System.nanoTime();
        var verdict = new VerifyReplay(audit, TopicLayout.EVENTS,
                TopicLayout.STATUS_CHANGES, threads).run(ProgressDisplay.none(), m -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!verdict.identicalLogs()) {
            throw new IllegalStateException("verify found " + verdict.mismatches() + " mismatches in a generated log");
        }
        return verdict.recordsRead() / seconds;
    }
}
