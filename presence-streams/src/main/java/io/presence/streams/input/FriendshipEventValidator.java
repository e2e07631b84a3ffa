package io.presence.streams.input;

import io.presence.avro.FriendshipEvent;
import io.presence.http.IdRules;
import java.util.Optional;

/**
 * Whether a decoded {@code FriendshipEvent} may reach the friend index: valid ids, a record key
 * equal to {@code userId} (the side this record is about, whose task keeps its friends), and no
 * friendship with oneself.
 */
public final class FriendshipEventValidator {

    private FriendshipEventValidator() {
    }

    /**
     * The first rule the event breaks, as a message naming the field; empty when valid.
     *
     * @param recordTimestamp the Kafka timestamp of the record that carries it
     */
    public static Optional<String> problemWith(String key, FriendshipEvent event, long recordTimestamp) {
        if (event == null) {
            return Optional.of("record has no value (a tombstone); presence.friendships is not compacted");
        }
        String problem = Envelope.problemWith(event.getEventId(), event.getSource(), event.getTimestamp(),
                recordTimestamp);
        if (problem == null) {
            problem = idsProblem(key, event);
        }
        return Optional.ofNullable(problem);
    }

    private static String idsProblem(String key, FriendshipEvent event) {
        if (!IdRules.isValidId(event.getUserId())) {
            return "userId must be 1-" + IdRules.MAX_ID_LENGTH + " characters of [A-Za-z0-9_.@-]";
        }
        if (!event.getUserId().equals(key)) {
            return "record key must equal userId";
        }
        if (!IdRules.isValidId(event.getFriendId())) {
            return "friendId must be 1-" + IdRules.MAX_ID_LENGTH + " characters of [A-Za-z0-9_.@-]";
        }
        return event.getFriendId().equals(event.getUserId()) ? "friendId is the user itself; a user cannot befriend itself" : null;
    }
}
