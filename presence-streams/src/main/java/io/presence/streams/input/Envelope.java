package io.presence.streams.input;

import io.presence.schemas.topics.TimestampLead;
import java.time.Instant;

/**
 * The fields every record of SPEC §2 carries — {@code eventId}, {@code source}, {@code timestamp} —
 * and the rules they follow on every input topic.
 */
final class Envelope {

    static final int MAX_OPAQUE_LENGTH = 128;

    private Envelope() {
    }

    /**
     * The first envelope rule broken, as a message naming the field; null when all hold.
     *
     * @param recordTimestamp the Kafka timestamp of the record that carries the event
     */
    static String problemWith(String eventId, String source, Instant timestamp, long recordTimestamp) {
        if (!isOpaque(eventId)) {
            return "eventId must be 1-" + MAX_OPAQUE_LENGTH + " characters";
        }
        if (!isOpaque(source)) {
            return "source must be 1-" + MAX_OPAQUE_LENGTH + " characters";
        }
        if (timestamp.toEpochMilli() <= 0) {
            return "timestamp must be positive epoch milliseconds, was " + timestamp.toEpochMilli();
        }
        if (TimestampLead.exceeded(timestamp.toEpochMilli(), recordTimestamp)) {
            return "timestamp " + timestamp + " is more than " + TimestampLead.MAX.toMinutes()
                    + " min later than its Kafka record's, " + Instant.ofEpochMilli(recordTimestamp)
                    + "; check the writer's clock";
        }
        return null;
    }

    /** An id chosen by a writer (event, connection): any characters, but not empty and not unbounded. */
    static boolean isOpaque(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_OPAQUE_LENGTH;
    }
}
