package io.presence.deploy;

import io.presence.avro.EventType;
import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import io.presence.schemas.topics.Topic;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The demo's view of presence-streams: the status changes it publishes on
 * {@code presence.status-changes}, from the moment the watch was opened, as they are committed.
 */
final class StatusChangesWatch implements AutoCloseable {

    private final KafkaConsumer<String, StatusChange> consumer;
    private final Instant opened = Instant.now();

    private StatusChangesWatch(KafkaConsumer<String, StatusChange> consumer) {
        this.consumer = consumer;
    }

    /** Starts at the current end of the topic, so only changes caused from now on are shown. */
    static StatusChangesWatch fromNow(String bootstrap, Topic<String, StatusChange> changes) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "enable.auto.commit", false, "isolation.level", "read_committed"),
                changes.keySerde().deserializer(), changes.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(changes.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, not at the first poll
        return new StatusChangesWatch(consumer);
    }

    /**
     * Prints the changes of {@code users} until {@code silentUser} is expired by the heartbeat
     * timeout, or gives up after twice the timeout plus a margin.
     */
    void printUntilExpired(PrintStream out, List<String> users, String silentUser, Duration timeout) {
        out.println();
        out.printf("demo: status changes from presence-streams; %s never sends a heartbeat, so after %d s it times out:%n",
                silentUser, timeout.toSeconds());
        Instant giveUp = Instant.now().plus(timeout.multipliedBy(2)).plusSeconds(10);
        while (Instant.now().isBefore(giveUp)) {
            for (ConsumerRecord<String, StatusChange> record : consumer.poll(Duration.ofMillis(200))) {
                if (!users.contains(record.key())) {
                    continue;
                }
                StatusChange change = record.value();
                print(out, change);
                if (record.key().equals(silentUser) && change.getCauseType() == EventType.HEARTBEAT_EXPIRED) {
                    return;
                }
            }
        }
        out.println("  (no timeout seen for " + silentUser + " yet: is presence-streams running? see its log)");
    }

    private void print(PrintStream out, StatusChange change) {
        UserStatus now = change.getCurrent();
        String before = change.getPrevious() == null ? "(new)" : change.getPrevious().getStatus().name();
        out.printf("  +%5.1fs  %-6s %-9s → %-9s v%-3d %-18s%s%n",
                Duration.between(opened, Instant.now()).toMillis() / 1000.0, change.getUserId(), before,
                now.getStatus(), now.getVersion(), change.getCauseType(),
                now.getCustomStatus().isEmpty() ? "" : " customStatus=\"" + now.getCustomStatus() + "\"");
    }

    @Override
    public void close() {
        consumer.close();
    }
}
