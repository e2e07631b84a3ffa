package io.presence.notifier.intake;

import io.presence.avro.StatusNotification;
import io.presence.http.IdRules;
import io.presence.notifier.delivery.DeadLetterReason;
import io.presence.notifier.delivery.Notification;
import io.presence.notifier.delivery.SourceRecord;
import io.presence.schemas.json.NotificationJson;
import io.presence.schemas.registry.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a raw {@code presence.notifications} record into a {@link Notification}, or says why it
 * cannot be delivered (it then goes to {@code presence.dlq}): not decodable, or breaking SPEC §2 — a
 * key other than its recipientId would put the recipient on the wrong partition, hence the wrong
 * instance's sockets. A record that could not be decoded only because the schema registry could not
 * answer is neither: it is {@link Unavailable}, to be decoded again later.
 */
final class NotificationDecoder {

    /** What a record became. */
    sealed interface Decoded permits Valid, Refused, Unavailable {
    }

    record Valid(Notification notification) implements Decoded {
    }

    record Refused(DeadLetterReason reason, String message, String exception) implements Decoded {
    }

    /** Its schema id is new to this instance and the registry cannot answer now: the record is not at fault. */
    record Unavailable(String message) implements Decoded {
    }

    /** What {@code __streams.errors.exception} names for a record refused by validation, where nothing was thrown. */
    static final String INVALID_EXCEPTION = "io.presence.notifier.intake.InvalidNotification";

    private final Deserializer<StatusNotification> values;

    NotificationDecoder(Deserializer<StatusNotification> values) {
        this.values = values;
    }

    Decoded decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return invalid("value is null; a notification is never deleted");
        }
        StatusNotification value;
        try {
            value = values.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            return SchemaRegistryException.isUnavailableIn(e)
                    ? new Unavailable(String.valueOf(e.getMessage()))
                    : new Refused(DeadLetterReason.UNDECODABLE, String.valueOf(e.getMessage()), e.getClass().getName());
        }
        String problem = problemWith(record, value);
        if (problem != null) {
            return invalid(problem);
        }
        return new Valid(new Notification(value.getId(), value.getRecipientId(), value.getUserId(), value.getVersion(),
                value.getLastChangedAt(), NotificationJson.render(value), sourceOf(record)));
    }

    static SourceRecord sourceOf(ConsumerRecord<byte[], byte[]> record) {
        return new SourceRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), record.headers());
    }

    private static String problemWith(ConsumerRecord<byte[], byte[]> record, StatusNotification value) {
        if (value.getId() == null || value.getId().isEmpty()) {
            return "field 'id' is empty";
        }
        if (!IdRules.isValidId(value.getRecipientId())) {
            return "field 'recipientId' is not a valid user id";
        }
        if (!IdRules.isValidId(value.getUserId())) {
            return "field 'userId' is not a valid user id";
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!value.getRecipientId().equals(key)) {
            return "record key is not the recipientId, so the recipient's partition is another one";
        }
        if (value.getVersion() < 1) {
            return "field 'version' must be at least 1, was " + value.getVersion();
        }
        return null;
    }

    private static Refused invalid(String message) {
        return new Refused(DeadLetterReason.INVALID, message, INVALID_EXCEPTION);
    }
}
