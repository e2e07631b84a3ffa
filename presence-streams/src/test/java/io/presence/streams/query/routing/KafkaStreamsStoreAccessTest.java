package io.presence.streams.query.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.schemas.registry.InMemorySchemaRegistry;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.Topics;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.query.StatusJson;
import io.presence.streams.status.UserStatusStore;
import io.presence.streams.topology.PresenceTopology;
import io.presence.streams.topology.ProcessingConfig;
import io.presence.streams.topology.TopologySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R-QRY-4: every way Kafka Streams says "not now" becomes a value the router retries on, never an exception. */
class KafkaStreamsStoreAccessTest {

    private static final HostInfo SELF = new HostInfo("a", 8083);
    private static final HostInfo OTHER = new HostInfo("b", 8083);

    @Test
    void R_QRY_4_aKeyWithAnActiveOwnerIsLocatedWithItsStandbys() {
        Placement placement = KafkaStreamsStoreAccess.placementOf(UserStatusStore.NAME,
                new KeyQueryMetadata(OTHER, Set.of(SELF), 4));

        assertThat(placement).isEqualTo(new Placement.Located(4, OTHER, Set.of(SELF)));
        assertThat(((Placement.Located) placement).hasActive()).isTrue();
    }

    @Test
    void R_QRY_4_aPartitionWithoutActiveOwnerKeepsItsStandbys() {
        Placement placement = KafkaStreamsStoreAccess.placementOf(UserStatusStore.NAME,
                new KeyQueryMetadata(HostInfo.unavailable(), Set.of(SELF), 2));

        assertThat(placement).isInstanceOfSatisfying(Placement.Located.class, located -> {
            assertThat(located.hasActive()).isFalse();
            assertThat(located.standbys()).containsExactly(SELF);
        });
    }

    @Test
    void R_QRY_4_notAvailableMetadataIsAnUnknownPlacement() {
        assertThat(KafkaStreamsStoreAccess.placementOf(UserStatusStore.NAME, KeyQueryMetadata.NOT_AVAILABLE))
                .isInstanceOfSatisfying(Placement.Unknown.class, unknown -> assertThat(unknown.reason()).contains("rebalancing"));
    }

    @Test
    void R_QRY_4_nullMetadataIsAnUnknownPlacementNamingTheStore() {
        assertThat(KafkaStreamsStoreAccess.placementOf("no-such-store", null))
                .isInstanceOfSatisfying(Placement.Unknown.class, unknown -> assertThat(unknown.reason()).contains("no-such-store"));
    }

    @Test
    void R_QRY_4_anInstanceThatIsNotRunningLocatesNothingAndReadsNothingWithoutThrowing(@TempDir Path stateDir) {
        try (KafkaStreams notStarted = new KafkaStreams(topology(), config(stateDir))) {
            KafkaStreamsStoreAccess access = new KafkaStreamsStoreAccess(notStarted, SELF);

            assertThat(access.locate(UserStatusStore.NAME, "u1")).isInstanceOf(Placement.Unknown.class);
            Map<String, KeyResult<StatusJson>> read = access.read(StatusJson.USER_STATUS, Map.of(0, List.of("u1", "u2")), true);
            assertThat(read).containsOnlyKeys("u1", "u2");
            assertThat(read.values()).allSatisfy(result -> assertThat(result).isInstanceOfSatisfying(KeyResult.Unavailable.class,
                    unavailable -> assertThat(unavailable.reason()).contains("partition 0")));
        }
    }

    private static org.apache.kafka.streams.Topology topology() {
        return PresenceTopology.build(TopologySettings.defaults(),
                new Topics(new TopicLayout(1, 1, 1, (short) 1), new InMemorySchemaRegistry()),
                new PresenceMeters(new SimpleMeterRegistry()), partition -> 0);
    }

    private static Properties config(Path stateDir) {
        Properties props = ProcessingConfig.properties("store-access-test", new PresenceMeters(new SimpleMeterRegistry()));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, SELF.host() + ":" + SELF.port());
        return props;
    }
}
