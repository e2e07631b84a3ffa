package io.presence.notifier;

import io.presence.avro.FriendshipEvent;
import io.presence.schemas.topics.Topic;
import io.presence.streams.topology.PresenceCommands;
import io.presence.testkit.PresenceCluster;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The application's friend service: it has no HTTP API in presence, it writes
 * {@code presence.friendships} itself, each side of a friendship once, keyed by that side (SPEC §2).
 */
final class FriendService implements AutoCloseable {

    private final Topic<String, FriendshipEvent> topic;
    private final KafkaProducer<String, FriendshipEvent> producer;
    private final PresenceCommands commands = new PresenceCommands(TestNotifications.unique("friends") + "-");

    FriendService(PresenceCluster cluster) {
        this.topic = cluster.topics().friendships();
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    String topicName() {
        return topic.name();
    }

    /** Makes {@code a} and {@code b} friends and waits until both sides are durable. */
    void befriend(String a, String b) {
        long now = System.currentTimeMillis();
        write(commands.befriend(a, b, now));
        write(commands.befriend(b, a, now));
    }

    private void write(FriendshipEvent side) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), side.getUserId(), side)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("write to " + topic.name() + " failed", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
