package io.presence.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.GeneralStatus;
import io.presence.avro.PresenceEvent;
import io.presence.avro.UserStatus;
import io.presence.schemas.topics.Topic;
import io.presence.streams.timeout.SessionTimeouts;
import io.presence.streams.topology.PresenceEvents;
import io.presence.testkit.NewerSchemaWriter;
import io.presence.testkit.PresenceCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway on a newer, compatible PresenceEvent schema writes while the schema registry is down: the
 * app has never seen that schema id and cannot decode the event until the registry answers. The event
 * must wait for it — not go to presence.dlq, where a valid LOGIN would be lost — and be folded once the
 * registry is back. Its own broker and registry, since it stops the registry.
 */
class RegistryOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(8);

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anEventOfASchemaIdNewToTheAppWaitsOutARegistryOutageAndIsFolded(@TempDir Path stateDir) throws Exception {
        try (PresenceCluster cluster = PresenceCluster.onOwnBroker();
             var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
             var dlq = new TopicReader<>(cluster.bootstrapServers(), cluster.topics().dlq().name(),
                     Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
             var statuses = new TopicReader<>(cluster.bootstrapServers(), cluster.topics().status().name(),
                     Serdes.String().deserializer(), cluster.topics().status().valueSerde().deserializer())) {
            StreamsService service = StreamsService.start(TestStreamsSettings.on(cluster, "presence-streams-registry-it-" + run,
                    // a replaced stream thread does not leave the group: its tasks wait for the session timeout
                    stateDir, SessionTimeouts.defaults(), Duration.ofSeconds(6)));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
                Topic<String, PresenceEvent> events = cluster.topics().events();
                NewerSchemaWriter newerGateway = NewerSchemaWriter.registeredFor(cluster.registryClient(), events.name(),
                        PresenceEvent.getClassSchema());
                String user = "newer-gateway-" + run;
                PresenceEvent login = new PresenceEvents("registry-it-").login(user, "phone", "c1", System.currentTimeMillis());

                cluster.stopRegistry();
                producer.send(new ProducerRecord<>(events.name(), user.getBytes(StandardCharsets.UTF_8),
                        newerGateway.rewrite(events.valueSerde().serializer().serialize(events.name(), login)))).get();
                await().during(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() ->
                        keyedBy(dlq.poll(), user).isEmpty() && statusOf(statuses.poll(), user).isEmpty()
                                && service.state() != KafkaStreams.State.ERROR);
                cluster.startRegistryAgain();

                await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(statuses.poll(), user).stream()
                        .anyMatch(s -> s.getStatus() == GeneralStatus.ONLINE));
                assertThat(keyedBy(dlq.pollNew(), user)).isEmpty();
                assertThat(keyedBy(dlq.poll(), user)).isEmpty();
                await().atMost(Duration.ofSeconds(30)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            } finally {
                service.close();
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> keyedBy(List<ConsumerRecord<byte[], byte[]>> records, String user) {
        return records.stream().filter(r -> r.key() != null && user.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
    }

    private static List<UserStatus> statusOf(List<ConsumerRecord<String, UserStatus>> records, String user) {
        return records.stream().filter(r -> user.equals(r.key())).map(ConsumerRecord::value).toList();
    }
}
