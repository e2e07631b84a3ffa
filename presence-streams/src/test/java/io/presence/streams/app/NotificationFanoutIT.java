package io.presence.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.GeneralStatus;
import io.presence.avro.Platform;
import io.presence.avro.StatusNotification;
import io.presence.schemas.topics.Topic;
import io.presence.streams.timeout.SessionTimeouts;
import io.presence.streams.topology.PresenceCommands;
import io.presence.streams.topology.PresenceEvents;
import io.presence.testkit.PresenceCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-NOT-3 end to end: a target with 100 000 subscribers changes status, and each of them — plus the
 * target itself — is told exactly once, while another user's heartbeat timeout still fires on
 * time. On a broker of its own: other ITs' applications read the user topics from the beginning,
 * and 100 000 subscriptions there would slow them down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationFanoutIT {

    private static final int SUBSCRIBERS = 100_000;
    private static final Duration WEB_TIMEOUT = Duration.ofSeconds(2);
    private static final String APPLICATION_ID = "presence-streams-fanout-it";
    private static final String TARGET = "star";
    private static final String TIMED_OUT = "quiet";

    private final PresenceEvents gateway = new PresenceEvents("fanout-it-");
    private final PresenceCommands ingest = new PresenceCommands("fanout-it-c");
    private PresenceCluster cluster;
    private StreamsService service;
    private KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    void start(@TempDir Path stateDir) {
        cluster = PresenceCluster.onOwnBroker();
        // web connections time out after 2 s, every other platform's after an hour
        SessionTimeouts timeouts = new SessionTimeouts(Duration.ofHours(1),
                Map.of(io.presence.streams.session.Platform.WEB, WEB_TIMEOUT), Duration.ofDays(30));
        service = StreamsService.start(TestStreamsSettings.on(cluster, APPLICATION_ID, stateDir, timeouts));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new ByteArraySerializer(), new ByteArraySerializer());
        await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    void stop() {
        if (producer != null) {
            producer.close();
        }
        if (service != null) {
            service.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void R_NOT_3_aTargetWith100000SubscribersChangesAndEachIsToldOnceWhileATimeoutFiresOnTime() throws Exception {
        // given: 100 000 subscribers, each with its own command keyed by itself, as ingest writes them
        var subscriptions = cluster.topics().subscriptions();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            String subscriber = "fan" + i;
            send(subscriptions, subscriber, ingest.subscribe(subscriber, System.currentTimeMillis(), TARGET));
        }
        producer.flush();
        CommittedLag.awaitNone(cluster, APPLICATION_ID, Duration.ofMinutes(3), subscriptions.name(),
                CommittedLag.subscriptionEdgesTopic(APPLICATION_ID));

        try (var notifications = reader(cluster.topics().notifications());
             var statuses = reader(cluster.topics().status())) {
            // when: the target comes online, and a web user whose deadline is half a second away stays silent
            long changedAt = System.currentTimeMillis();
            send(cluster.topics().events(), TARGET, gateway.login(TARGET, "phone", "c1", Platform.IOS, changedAt));
            long deadline = changedAt + 500;
            send(cluster.topics().events(), TIMED_OUT,
                    gateway.login(TIMED_OUT, "browser", "c1", Platform.WEB, deadline - WEB_TIMEOUT.toMillis()));
            producer.flush();

            long expiredSeenAt = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> statuses.poll().stream().anyMatch(r -> r.key().equals(TIMED_OUT)
                            && r.value().getStatus() == GeneralStatus.OFFLINE) ? System.currentTimeMillis() : 0L, t -> t > 0);
            // (a count, not the list: a timeout message would print 100 000 notifications)
            List<StatusNotification> told = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> readMore(notifications, told), n -> n >= SUBSCRIBERS + 1);
            long fannedOutAt = System.currentTimeMillis();

            // then: everyone once, and the timeout fired within a second of its deadline, during the fan-out
            Set<String> recipients = told.stream().map(StatusNotification::getRecipientId).collect(Collectors.toSet());
            assertThat(told).hasSize(SUBSCRIBERS + 1);
            assertThat(recipients).hasSize(SUBSCRIBERS + 1).contains(TARGET, "fan0", "fan" + (SUBSCRIBERS - 1));
            assertThat(expiredSeenAt - deadline).as("the timeout fired within a second of its deadline").isLessThanOrEqualTo(1_000);
            assertThat(fannedOutAt).as("the deadline fell while the fan-out ran").isGreaterThan(deadline);
            System.out.printf("fan-out of %d notifications seen complete %d ms after the change; timeout seen %d ms after its deadline%n",
                    told.size(), fannedOutAt - changedAt, expiredSeenAt - deadline);
        }
    }

    /** Adds the notifications of the target's first change (version 1) that arrived to {@code told}; its size. */
    private static int readMore(TopicReader<String, StatusNotification> notifications, List<StatusNotification> told) {
        for (ConsumerRecord<String, StatusNotification> record : notifications.pollNew()) {
            if (record.value().getUserId().equals(TARGET) && record.value().getVersion() == 1) {
                told.add(record.value());
            }
        }
        return told.size();
    }

    private <K, V> TopicReader<K, V> reader(Topic<K, V> topic) {
        return new TopicReader<>(cluster.bootstrapServers(), topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    private <V> void send(Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }
}
