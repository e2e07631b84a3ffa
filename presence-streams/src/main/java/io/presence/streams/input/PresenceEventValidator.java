package io.presence.streams.input;

import io.presence.avro.EventType;
import io.presence.avro.PresenceEvent;
import io.presence.http.IdRules;
import java.util.Optional;

/**
 * Whether a decoded {@code PresenceEvent} may reach the fold: the ids of SPEC §1, the fields its
 * type needs, no fields that belong to another type, and a record key equal to its userId (the key
 * decides the partition, so a mismatch would fold the user on a task that does not own them).
 *
 * <p>Ingest validates at the edge already; this guards against every other writer of the topic.
 * A well-formed event that the state makes moot (a DISCONNECT of an unknown device, say) is valid
 * here: such races are normal and the fold ignores them.
 */
public final class PresenceEventValidator {

    static final int MAX_CUSTOM_STATUS_BYTES = 256;

    private PresenceEventValidator() {
    }

    /**
     * The first rule the event breaks, as a message naming the field; empty when valid.
     *
     * @param recordTimestamp the Kafka timestamp of the record that carries it
     */
    public static Optional<String> problemWith(String key, PresenceEvent event, long recordTimestamp) {
        if (event == null) {
            return Optional.of("record has no value (a tombstone); presence.events is not compacted");
        }
        String problem = envelopeProblem(key, event, recordTimestamp);
        if (problem == null) {
            problem = typeProblem(event);
        }
        return Optional.ofNullable(problem);
    }

    private static String envelopeProblem(String key, PresenceEvent e, long recordTimestamp) {
        String envelope = Envelope.problemWith(e.getEventId(), e.getSource(), e.getTimestamp(), recordTimestamp);
        if (envelope != null) {
            return envelope;
        }
        if (!IdRules.isValidId(e.getUserId())) {
            return "userId must be 1-" + IdRules.MAX_ID_LENGTH + " characters of [A-Za-z0-9_.@-]";
        }
        if (!e.getUserId().equals(key)) {
            return "record key must equal userId";
        }
        if (e.getDeviceId() != null && !IdRules.isValidId(e.getDeviceId())) {
            return "deviceId must be 1-" + IdRules.MAX_ID_LENGTH + " characters of [A-Za-z0-9_.@-]";
        }
        if (e.getConnectionId() != null && !Envelope.isOpaque(e.getConnectionId())) {
            return "connectionId must be 1-" + Envelope.MAX_OPAQUE_LENGTH + " characters";
        }
        return null;
    }

    private static String typeProblem(PresenceEvent e) {
        EventType type = e.getType();
        boolean aboutDevice = type != EventType.SET_CUSTOM_STATUS;
        boolean onConnection = type == EventType.LOGIN || type == EventType.HEARTBEAT
                || type == EventType.DISCONNECT || type == EventType.HEARTBEAT_EXPIRED;
        boolean proposal = type == EventType.HEARTBEAT_EXPIRED || type == EventType.SESSION_EXPIRED;
        if (aboutDevice && e.getDeviceId() == null) {
            return "deviceId is required for " + type;
        }
        if (onConnection && e.getConnectionId() == null) {
            return "connectionId is required for " + type;
        }
        if ((type == EventType.LOGIN) != (e.getPlatform() != null)) {
            return type == EventType.LOGIN ? "platform is required for LOGIN" : "platform is allowed on LOGIN only, not " + type;
        }
        if (!proposal && e.getLastHeartbeatAt() != null) {
            return "lastHeartbeatAt is allowed on HEARTBEAT_EXPIRED and SESSION_EXPIRED only, not " + type;
        }
        if (type == EventType.SET_CUSTOM_STATUS) {
            return customStatusProblem(e.getCustomStatus());
        }
        return e.getCustomStatus() == null ? null : "customStatus is allowed on SET_CUSTOM_STATUS only, not " + type;
    }

    /** R-CUS-3, as the API enforces it: at most 256 UTF-8 bytes, no control characters. */
    private static String customStatusProblem(String text) {
        if (text == null) {
            return "customStatus is required for SET_CUSTOM_STATUS (empty clears it)";
        }
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return "customStatus must not contain control characters";
            }
            // a surrogate pair is one 4-byte code point: 2 bytes per half
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes <= MAX_CUSTOM_STATUS_BYTES ? null
                : "customStatus must be at most " + MAX_CUSTOM_STATUS_BYTES + " UTF-8 bytes, was " + bytes;
    }
}
