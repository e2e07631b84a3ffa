package io.presence.bench.cluster;

import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.topology.ProcessingConfig;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams config every Streams contender runs with: the service's processing config
 * (exactly_once_v2, its commit interval, its error handling) plus the deployment settings of this
 * run. The fold and its baseline get the same one, so the comparison is between topologies only.
 * RocksDB runs with Kafka Streams' default options for both.
 */
public final class BenchStreamsConfig {

    private BenchStreamsConfig() {
    }

    public static Properties properties(String applicationId, String bootstrap, Path stateRoot, int threads, PresenceMeters meters) {
        Properties props = ProcessingConfig.properties(applicationId, meters);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        return props;
    }
}
