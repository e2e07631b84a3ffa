package io.presence.bench.replay;

import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import io.presence.bench.workload.EventRecords;
import io.presence.schemas.topics.Topics;
import io.presence.streams.avro.PresenceEventMapper;
import io.presence.streams.avro.UserStatusMapper;
import io.presence.streams.session.FoldResult;
import io.presence.streams.session.StatusFold;
import io.presence.streams.session.StatusTransition;
import io.presence.streams.session.UserPresence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The log the replay scenario verifies, written into the run's own pair of topics: every event,
 * and for each one that changes its user's status the {@code StatusChange} the live app publishes
 * for it — computed here with the same pure fold and mapper the app's processor calls, which is what
 * R-AUD-2 says it writes. Producing the changes directly keeps a 5-million-event setup to about a
 * minute instead of running the app over it.
 *
 * <p>Records are encoded for {@code presence.events} and {@code presence.status-changes}, whose
 * subjects the cluster has registered, so a run registers nothing new in the schema registry; they
 * are keyed by user, so the two topics, with the same partition count, are co-partitioned.
 */
final class ReplayLog implements EventRecords {

    private final Topics topics;
    private final ReplayTopics into;
    private final Map<String, UserPresence> users = new HashMap<>();
    private long changes;

    ReplayLog(Topics topics, ReplayTopics into) {
        this.topics = topics;
        this.into = into;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> of(PresenceEvent event) {
        String events = topics.events().name();
        long timestamp = event.getTimestamp().toEpochMilli();
        byte[] key = topics.events().keySerde().serializer().serialize(events, event.getUserId());
        ProducerRecord<byte[], byte[]> logged = new ProducerRecord<>(into.events(), null, timestamp, key,
                topics.events().valueSerde().serializer().serialize(events, event));
        Optional<StatusTransition> transition = fold(event);
        if (transition.isEmpty()) {
            return List.of(logged);
        }
        changes++;
        return List.of(logged, new ProducerRecord<>(into.statusChanges(), null, timestamp, key, encode(transition.get())));
    }

    /** Status changes written so far. */
    long changes() {
        return changes;
    }

    private Optional<StatusTransition> fold(PresenceEvent event) {
        UserPresence known = users.get(event.getUserId());
        FoldResult result = StatusFold.evolve(known != null ? known : UserPresence.unknown(event.getUserId()),
                PresenceEventMapper.toSessionEvent(event));
        if (result.stateChanged()) {
            users.put(event.getUserId(), result.state());
        }
        return result.transition();
    }

    private byte[] encode(StatusTransition transition) {
        UserStatus current = UserStatusMapper.toUserStatus(transition.current());
        StatusChange change = UserStatusMapper.toStatusChange(transition, current);
        return topics.statusChanges().valueSerde().serializer().serialize(topics.statusChanges().name(), change);
    }
}
