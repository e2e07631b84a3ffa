package io.presence.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.StatusNotification;
import io.presence.schemas.topics.Topic;
import io.presence.streams.topology.PresenceCommands;
import io.presence.streams.topology.PresenceEvents;
import io.presence.testkit.PresenceCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-NOT-3 across a crash: the change of a user with 10 000 subscribers goes out as a fan-out job, 100
 * recipients a turn, and presence-streams is killed (SIGKILL) halfway through it, then started again on
 * its state directory. Each turn's notifications and the job's cursor commit in one transaction, so
 * every subscriber is told exactly once — none skipped at the kill, none told twice after it. Its own
 * broker, since it reads whole topics.
 */
class FanoutCrashIT {

    private static final int SUBSCRIBERS = 10_000;
    private static final String TARGET = "idol";
    private static final String APPLICATION_ID = "presence-streams-fanout-crash-it";
    private static final Map<String, String> SLOW_FANOUT = Map.of(
            "PRESENCE_STREAMS_FANOUT_MAX_RECIPIENTS_PER_TURN", "100",
            "PRESENCE_STREAMS_FANOUT_TICK", "100ms",
            // the killed member holds its tasks until the group gives up on it: the broker's minimum
            "PRESENCE_STREAMS_SESSION_TIMEOUT", "6s");

    @Test
    void R_NOT_3_aFanOutKilledHalfwayResumesWhereItCommittedAndTellsEachRecipientOnce(@TempDir Path stateDir) throws Exception {
        try (PresenceCluster cluster = PresenceCluster.onOwnBroker();
             var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20),
                     new ByteArraySerializer(), new ByteArraySerializer());
             var notifications = new TopicReader<>(cluster.bootstrapServers(), cluster.topics().notifications().name(),
                     cluster.topics().notifications().keySerde().deserializer(),
                     cluster.topics().notifications().valueSerde().deserializer())) {
            Process first = ChildStreams.start(cluster, APPLICATION_ID, stateDir, "fanout-crash-first", SLOW_FANOUT);
            Process second = null;
            try {
                PresenceCommands ingest = new PresenceCommands("fanout-crash-c");
                for (int i = 0; i < SUBSCRIBERS; i++) {
                    String subscriber = "follower" + i;
                    send(producer, cluster.topics().subscriptions(), subscriber, ingest.subscribe(subscriber, System.currentTimeMillis(), TARGET));
                }
                producer.flush();
                CommittedLag.awaitNone(cluster, APPLICATION_ID, Duration.ofMinutes(3), cluster.topics().subscriptions().name(),
                        CommittedLag.subscriptionEdgesTopic(APPLICATION_ID));
                send(producer, cluster.topics().events(), TARGET,
                        new PresenceEvents("fanout-crash-").login(TARGET, "phone", "c1", System.currentTimeMillis()));
                producer.flush();

                List<StatusNotification> told = new ArrayList<>();
                int toldBeforeKill = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> readMore(notifications, told), n -> n >= SUBSCRIBERS / 10);
                first.destroyForcibly();
                first.waitFor(30, TimeUnit.SECONDS);
                second = ChildStreams.start(cluster, APPLICATION_ID, stateDir, "fanout-crash-second", SLOW_FANOUT);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                        .until(() -> readMore(notifications, told), n -> n >= SUBSCRIBERS + 1);
                await().during(Duration.ofSeconds(2)).until(() -> readMore(notifications, told) == SUBSCRIBERS + 1);

                assertThat(toldBeforeKill).as("killed halfway").isLessThan(SUBSCRIBERS / 2);
                assertThat(told.stream().map(StatusNotification::getRecipientId).distinct().count())
                        .as("everyone told, no one twice").isEqualTo(SUBSCRIBERS + 1);
            } finally {
                first.destroyForcibly();
                if (second != null) {
                    second.destroy();
                    second.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Adds the newly committed notifications of the target's first change to {@code told}; its size. */
    private static int readMore(TopicReader<String, StatusNotification> notifications, List<StatusNotification> told) {
        for (ConsumerRecord<String, StatusNotification> record : notifications.pollNew()) {
            if (record.value().getUserId().equals(TARGET) && record.value().getVersion() == 1) {
                told.add(record.value());
            }
        }
        return told.size();
    }

    private static <V> void send(KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }
}
