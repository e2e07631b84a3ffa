package io.presence.streams.audit;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.Topics;
import io.presence.streams.avro.UserStatusMapper;
import io.presence.streams.session.GeneralStatus;
import io.presence.streams.session.StatusTransition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The replay benchmark's log: a gateway-like mix (mostly heartbeats, some custom status,
 * disconnects and logouts) over many users, and the status changes the live app would publish for
 * it — computed with the same fold and mapper, which R-AUD-2 says is what the app writes. Producing
 * them directly keeps a 5M-event setup to a minute instead of running the app over it.
 */
final class ReplayBenchWorkload {

    private final Topics topics;
    private final Random random = new Random(42);

    ReplayBenchWorkload(Topics topics) {
        this.topics = topics;
    }

    /** Writes {@code count} events and their changes; returns the number of changes. */
    long write(KafkaProducer<byte[], byte[]> producer, long count, int users) {
        var events = topics.events().valueSerde();
        var changes = topics.statusChanges().valueSerde();
        ReplayFold fold = new ReplayFold(events.deserializer(), TopicLayout.EVENTS);
        long start = System.currentTimeMillis() - count;
        long changeCount = 0;
        for (long i = 0; i < count; i++) {
            String user = "bench-" + random.nextInt(users);
            PresenceEvent event = next(user, fold.stateOf(user).status(), start + i, i);
            byte[] key = user.getBytes(StandardCharsets.UTF_8);
            byte[] value = events.serializer().serialize(TopicLayout.EVENTS, event);
            producer.send(new ProducerRecord<>(TopicLayout.EVENTS, key, value));
            var transition = fold.apply(user, value).flatMap(r -> r.transition());
            if (transition.isPresent()) {
                producer.send(new ProducerRecord<>(TopicLayout.STATUS_CHANGES, key,
                        changes.serializer().serialize(TopicLayout.STATUS_CHANGES, statusChange(transition.get()))));
                changeCount++;
            }
        }
        producer.flush();
        return changeCount;
    }

    private static StatusChange statusChange(StatusTransition t) {
        return UserStatusMapper.toStatusChange(t, UserStatusMapper.toUserStatus(t.current()));
    }

    private PresenceEvent next(String user, GeneralStatus status, long at, long id) {
        int roll = random.nextInt(100);
        EventType type;
        if (status != GeneralStatus.ONLINE) {
            type = EventType.LOGIN;
        } else if (roll < 85) {
            type = EventType.HEARTBEAT;
        } else if (roll < 90) {
            type = EventType.SET_CUSTOM_STATUS;
        } else if (roll < 95) {
            type = EventType.DISCONNECT;
        } else {
            type = EventType.LOGOUT;
        }
        String connection = type == EventType.LOGIN || type == EventType.HEARTBEAT || type == EventType.DISCONNECT
                ? "c-" + user : null;
        return new PresenceEvent("b" + id, Instant.ofEpochMilli(at), "bench", type, user,
                type == EventType.SET_CUSTOM_STATUS ? null : "phone", connection,
                type == EventType.LOGIN ? Platform.IOS : null,
                type == EventType.SET_CUSTOM_STATUS ? "status " + roll : null, null);
    }
}
