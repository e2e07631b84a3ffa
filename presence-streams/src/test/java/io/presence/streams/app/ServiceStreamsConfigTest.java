package io.presence.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.config.PresenceConfigLoader;
import io.presence.streams.metrics.PresenceMeters;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class ServiceStreamsConfigTest {

    @Test
    void theConfiguredCommitIntervalReachesKafkaStreams() {
        Properties props = propertiesWith("PRESENCE_STREAMS_COMMIT_INTERVAL", "20ms");

        assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(20L);
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void theSessionTimeoutReachesTheMainConsumerWithAHeartbeatAThirdOfItAtMost() {
        Properties props = propertiesWith("PRESENCE_STREAMS_SESSION_TIMEOUT", "6s");

        assertThat(props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG))).isEqualTo(6000);
        assertThat(props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG))).isEqualTo(2000);
    }

    @Test
    void anInstanceIdMakesTheMainConsumerAStaticMemberAndNoneLeavesItDynamic() {
        String instanceId = StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);

        assertThat(propertiesWith("PRESENCE_STREAMS_INSTANCE_ID", "presence-streams-0").get(instanceId)).isEqualTo("presence-streams-0");
        assertThat(propertiesWith("PRESENCE_STREAMS_INSTANCE_ID", " ")).doesNotContainKey(instanceId);
    }

    private static Properties propertiesWith(String envName, String value) {
        PresenceStreamsSettings settings = PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_AUTH_SECRET", "s", envName, value)));
        try (RocksDbMemory memory = new RocksDbMemory(settings.blockCacheBytes(), settings.writeBufferBytes())) {
            return ServiceStreamsConfig.properties(settings, new PresenceMeters(new SimpleMeterRegistry()), memory,
                    new HostInfo("localhost", 8083));
        }
    }
}
