package io.presence.streams.audit;

import io.presence.avro.PresenceEvent;
import io.presence.streams.avro.PresenceEventMapper;
import io.presence.streams.input.PresenceEventValidator;
import io.presence.streams.session.FoldResult;
import io.presence.streams.session.StatusFold;
import io.presence.streams.session.UserPresence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The live topology's path from a {@code presence.events} record to the fold, replayed: decode,
 * validate with the same {@link PresenceEventValidator}, map, {@link StatusFold#evolve}. A record
 * the live app dead-letters (undecodable or invalid) is skipped here too, so replay equals live.
 * Holds the state of every user it has folded: one partition's worth, or fewer when the caller
 * filters by key.
 */
final class ReplayFold {

    private final Deserializer<PresenceEvent> events;
    private final String topic;
    private final Map<String, UserPresence> users = new HashMap<>();
    private long skipped;

    ReplayFold(Deserializer<PresenceEvent> events, String topic) {
        this.events = events;
        this.topic = topic;
    }

    /**
     * Folds one record; empty when the live app would have sent it to the dead-letter topic.
     *
     * @param timestamp the record's Kafka timestamp, which the validation judges the event's own against
     */
    Optional<FoldResult> apply(String key, byte[] value, long timestamp) {
        PresenceEvent event;
        try {
            event = events.deserialize(topic, value);
        } catch (SerializationException undecodable) {
            AuditException.stopIfRegistryUnavailable(undecodable);
            // the live app's deserialization handler dead-letters it; nothing reaches the fold
            skipped++;
            return Optional.empty();
        }
        return apply(key, event, timestamp);
    }

    Optional<FoldResult> apply(String key, PresenceEvent event, long timestamp) {
        if (PresenceEventValidator.problemWith(key, event, timestamp).isPresent()) {
            skipped++;
            return Optional.empty();
        }
        var sessionEvent = PresenceEventMapper.toSessionEvent(event);
        String userId = sessionEvent.userId();
        FoldResult result = StatusFold.evolve(stateOf(userId), sessionEvent);
        if (result.stateChanged()) {
            users.put(userId, result.state());
        }
        return Optional.of(result);
    }

    UserPresence stateOf(String userId) {
        UserPresence known = users.get(userId);
        return known == null ? UserPresence.unknown(userId) : known;
    }

    /** Users with at least one change (the ones {@code presence.status} holds), by userId. */
    List<UserPresence> changedUsers() {
        List<UserPresence> changed = new ArrayList<>();
        for (UserPresence user : users.values()) {
            if (user.version() > 0) {
                changed.add(user);
            }
        }
        changed.sort(Comparator.comparing(UserPresence::userId));
        return changed;
    }

    /** Records the live app would have dead-lettered. */
    long skipped() {
        return skipped;
    }
}
