package io.presence.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.schemas.registry.InMemorySchemaRegistry;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.Topics;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.timeout.InputBacklog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The topology's shape is part of the deployed state: node and store names become changelog
 * topics and state directories. This pins {@code describe()} to the copy in the README, so a
 * change shows up in review (and the docs cannot go stale).
 */
class TopologyDescriptionTest {

    @Test
    void theDescriptionMatchesTheDocumentedOne() throws IOException {
        String described = PresenceTopology.build(TopologySettings.defaults(),
                new Topics(new TopicLayout(6, 6, 1, (short) 1), new InMemorySchemaRegistry()),
                new PresenceMeters(new SimpleMeterRegistry()), InputBacklog.alwaysCaughtUp()).describe().toString();

        String documented = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

        assertThat(documented).as("README.md holds describe() verbatim; update it when the topology changes")
                .contains(described.strip());
    }
}
