package io.presence.bench.fold;

import io.presence.bench.cluster.CatchUpWatch;
import io.presence.bench.measure.DirectorySize;
import io.presence.bench.measure.HeapGauge;
import io.presence.bench.report.Throughput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Runs one Kafka Streams application over the pre-loaded log, from {@code start()} until its
 * committed offsets reach the log end, then closes it cleanly (which flushes RocksDB's memtables,
 * so the state directory's size is what the state really takes) and deletes its state.
 */
final class StreamsContender {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final CatchUpWatch watch;
    private final Duration timeout;

    StreamsContender(CatchUpWatch watch, Duration timeout) {
        this.watch = watch;
        this.timeout = timeout;
    }

    ContenderResult run(String name, Topology topology, Properties props, long events) {
        String applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        Path stateDir = Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG), applicationId);
        long heapBefore = HeapGauge.liveBytes();
        KafkaStreams streams = new KafkaStreams(topology, props);
        Duration elapsed;
        long heapAfter;
        try {
            long started = System.nanoTime();
            streams.start();
            elapsed = watch.await(applicationId, started, timeout, () -> failure(streams));
            heapAfter = HeapGauge.liveBytes();
        } finally {
            if (!streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT))) {
                throw new IllegalStateException(name + ": Kafka Streams did not close within " + CLOSE_TIMEOUT);
            }
        }
        long stateBytes = DirectorySize.of(stateDir);
        long sstBytes = DirectorySize.ofFilesEndingWith(stateDir, ".sst");
        DirectorySize.delete(stateDir);
        return new ContenderResult(name, new Throughput(events, elapsed), heapAfter - heapBefore, stateBytes, sstBytes);
    }

    private static Optional<String> failure(KafkaStreams streams) {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING ? Optional.of("Kafka Streams is " + state) : Optional.empty();
    }
}
