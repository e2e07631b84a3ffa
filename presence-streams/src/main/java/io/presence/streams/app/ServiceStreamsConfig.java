package io.presence.streams.app;

import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.topology.ProcessingConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/** The Streams config of the running service: the topology's processing config plus deployment settings. */
final class ServiceStreamsConfig {

    private ServiceStreamsConfig() {
    }

    /** @param self where other instances reach this one's query API ({@code application.server}) */
    static Properties properties(PresenceStreamsSettings settings, PresenceMeters meters, RocksDbMemory memory, HostInfo self) {
        // the connection's settings (security) first: the service's own, put over them, are its guarantees
        Properties props = new Properties();
        props.putAll(settings.kafka().clientProperties());
        props.putAll(ProcessingConfig.properties(settings.applicationId(), meters));
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        int sessionTimeoutMs = (int) settings.sessionTimeout().toMillis();
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), sessionTimeoutMs);
        // Kafka's rule of thumb, a third of the session at most; its default 3 s below that
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), Math.min(3000, sessionTimeoutMs / 3));
        if (!settings.instanceId().isEmpty()) {
            // Kafka Streams makes it one per stream thread by appending the thread's number
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), settings.instanceId());
        }
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbMemory.BoundedConfig.class);
        props.put(RocksDbMemory.CONFIG_KEY, memory);
        // internal topics (changelogs) as durable as the layout's topics
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.topics().replicationFactor());
        return props;
    }
}
