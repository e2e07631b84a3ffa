package io.presence.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.registry.SchemaRegistryServer;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.topics.TopicLayout;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The registry keeps its state in the compacted {@code _schemas} topic: a restart keeps every id. */
class RegistryPersistenceIT {

    @Test
    void restartedRegistryKeepsEveryIdAndVersion() {
        TopicLayout layout = new TopicLayout(6, 6, 1, (short) 1);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            Schema v1 = SchemaBuilder.record("Probe").namespace("io.presence.it").fields().requiredString("a").endRecord();
            Schema v2 = SchemaBuilder.record("Probe").namespace("io.presence.it").fields()
                    .requiredString("a").name("b").type().stringType().stringDefault("x").endRecord();
            Map<String, Integer> before;
            try (SchemaRegistryServer first = SchemaRegistryServer.startBackedByKafka(broker.bootstrapServers(), layout, 0)) {
                SchemaRegistryClient client = new SchemaRegistryClient(first.url());
                before = Map.of("p1", client.register("probe-value", v1), "p2", client.register("probe-value", v2),
                        "other", client.register("other-value", v2));
            }

            try (SchemaRegistryServer second = SchemaRegistryServer.startBackedByKafka(broker.bootstrapServers(), layout, 0)) {
                SchemaRegistryClient client = new SchemaRegistryClient(second.url());
                assertThat(client.schemaById(before.get("p1"))).isEqualTo(v1);
                assertThat(client.schemaById(before.get("p2"))).isEqualTo(v2);
                // registering again after the restart finds the same ids instead of minting new ones
                assertThat(client.register("probe-value", v2)).isEqualTo(before.get("p2"));
                assertThat(client.register("other-value", v2)).isEqualTo(before.get("other"));
                Schema v3 = SchemaBuilder.record("Probe").namespace("io.presence.it").fields()
                        .requiredString("a").name("c").type().intType().intDefault(1).endRecord();
                assertThat(client.register("probe-value", v3)).isGreaterThan(before.get("p2"));
            }
        }
    }
}
