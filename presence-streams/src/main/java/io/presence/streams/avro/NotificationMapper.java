package io.presence.streams.avro;

import io.presence.avro.StatusNotification;
import io.presence.streams.fanout.Recipient;
import io.presence.streams.fanout.StatusUpdate;
import java.time.Instant;

/** A {@link StatusUpdate} told to one {@link Recipient}, as the public {@code StatusNotification}. */
public final class NotificationMapper {

    private NotificationMapper() {
    }

    public static StatusNotification toNotification(StatusUpdate update, Recipient recipient) {
        return new StatusNotification(notificationId(update, recipient.id()), recipient.id(), update.userId(),
                AvroEnums.toAvro(update.status()), update.customStatus(), update.version(),
                Instant.ofEpochMilli(update.lastChangedAt()),
                update.lastSeenAt() == null ? null : Instant.ofEpochMilli(update.lastSeenAt()), recipient.reason());
    }

    /**
     * {@code <userId>:<version>:<recipientId>}: deterministic, so a fan-out resumed after a crash
     * re-sends the same ids and receivers de-duplicate; unambiguous, as ids never contain ':'.
     */
    static String notificationId(StatusUpdate update, String recipientId) {
        return update.userId() + ':' + update.version() + ':' + recipientId;
    }
}
