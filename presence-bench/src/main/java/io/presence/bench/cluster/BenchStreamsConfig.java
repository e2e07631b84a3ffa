package io.presence.bench.cluster;

import io.presence.config.PresenceConfigLoader;
import io.presence.streams.app.PresenceStreamsSettings;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.topology.ProcessingConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams config every Streams contender runs with: the service's processing config
 * (exactly_once_v2, its commit interval, its error handling) plus the deployment settings of this
 * run. The fold and its baseline get the same one, so the comparison is between topologies only.
 * RocksDB runs with Kafka Streams' default options for both; the record cache has the service's
 * default size (only stores built with caching use it: the fold's {@code user-status}, none of the
 * baselines').
 */
public final class BenchStreamsConfig {

    /** The service's default {@code presence.streams.record-cache-size}. */
    public static final long SERVICE_RECORD_CACHE_BYTES = PresenceStreamsSettings.from(
            PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "bench"))).recordCacheBytes();

    private BenchStreamsConfig() {
    }

    public static Properties properties(String applicationId, String bootstrap, Path stateRoot, int threads, PresenceMeters meters) {
        Properties props = ProcessingConfig.properties(applicationId, meters);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, SERVICE_RECORD_CACHE_BYTES);
        return props;
    }
}
