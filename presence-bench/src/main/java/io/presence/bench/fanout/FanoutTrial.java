package io.presence.bench.fanout;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusNotification;
import io.presence.bench.cluster.PartitionOffsets;
import io.presence.bench.report.BenchReport;
import io.presence.bench.report.LatencySummary;
import io.presence.config.KafkaConnection;
import io.presence.ingest.kafka.PresenceLog;
import io.presence.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The measured part, with the application running and every subscription indexed: the target's
 * first change (a warm-up, not measured), then the other users' load alone for a while, then the
 * target's second change with the load still on — timed from its send to its last notification
 * visible to a read_committed consumer.
 */
final class FanoutTrial {

    /** What the trial saw. {@code change} is the target's own notification of the measured change. */
    record Outcome(Duration warmUp, Duration fanout, int told, int duplicates, LatencySummary othersAlone,
                   LatencySummary othersDuring, StatusNotification change) {
    }

    private static final long MEASURED_VERSION = 2;
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final String bootstrap;
    private final Topics topics;
    private final FanoutUsers users;
    private final BenchReport report;

    FanoutTrial(String bootstrap, Topics topics, FanoutUsers users, BenchReport report) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.users = users;
        this.report = report;
    }

    Outcome run(PartitionOffsets notificationsFrom, int othersPerSecond, Duration quiet, Duration timeout) throws Exception {
        int recipients = users.subscribers() + 1;
        try (Producer<byte[], byte[]> gateway = PresenceLog.newProducer(KafkaConnection.to(bootstrap), "presence-bench-target", timeout);
             OtherUsersLoad others = new OtherUsersLoad(bootstrap, topics.events(), users);
             NotificationWatch watch = new NotificationWatch(bootstrap, topics.notifications(), notificationsFrom, users.target(), others)) {
            long warmUpSent = change(gateway, login());
            Duration warmUp = Duration.ofNanos(watch.awaitTold(1, recipients, timeout) - warmUpSent);
            report.say("warm-up (not measured): the target's login told to %,d recipients in %d ms", recipients, warmUp.toMillis());

            others.start(othersPerSecond);
            long aloneFrom = System.nanoTime();
            report.say("other users: %d changes/s over %,d users, alone for %d s", othersPerSecond, users.others(), quiet.toSeconds());
            Thread.sleep(quiet.toMillis());

            long sent = change(gateway, customStatus());
            long lastSeen = watch.awaitTold(MEASURED_VERSION, recipients, timeout);
            // the other users' changes sent during the fan-out are still arriving
            Thread.sleep(DRAIN.toMillis());
            return new Outcome(warmUp, Duration.ofNanos(lastSeen - sent), watch.told(MEASURED_VERSION),
                    watch.duplicates(MEASURED_VERSION), watch.othersSentBetween(aloneFrom, sent),
                    watch.othersSentBetween(sent, lastSeen), watch.example(MEASURED_VERSION));
        }
    }

    /** Sends one event of the target, acknowledged; returns when it was sent (System.nanoTime). */
    private long change(Producer<byte[], byte[]> gateway, PresenceEvent event) throws Exception {
        var events = topics.events();
        long sent = System.nanoTime();
        gateway.send(new ProducerRecord<>(events.name(), events.keySerde().serializer().serialize(events.name(), users.target()),
                events.valueSerde().serializer().serialize(events.name(), event))).get();
        return sent;
    }

    private PresenceEvent login() {
        return event(EventType.LOGIN, "phone", "c1", Platform.IOS, null);
    }

    private PresenceEvent customStatus() {
        return event(EventType.SET_CUSTOM_STATUS, null, null, null, "Listening to music");
    }

    private PresenceEvent event(EventType type, String device, String connection, Platform platform, String text) {
        return new PresenceEvent(UUID.randomUUID().toString(), Instant.now(), "presence-bench", type, users.target(), device,
                connection, platform, text, null);
    }
}
