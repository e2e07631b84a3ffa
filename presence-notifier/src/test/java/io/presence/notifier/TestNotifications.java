package io.presence.notifier;

import io.presence.avro.GeneralStatus;
import io.presence.avro.NotificationReason;
import io.presence.avro.StatusNotification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** StatusNotification values as the fan-out writes them, and unique ids so tests sharing the broker never meet. */
final class TestNotifications {

    private TestNotifications() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static StatusNotification of(String recipientId, String userId, long version) {
        return of(recipientId, userId, version, "");
    }

    static StatusNotification of(String recipientId, String userId, long version, String customStatus) {
        return StatusNotification.newBuilder()
                .setId(recipientId + ":" + userId + ":" + version)
                .setRecipientId(recipientId)
                .setUserId(userId)
                .setStatus(GeneralStatus.ONLINE)
                .setCustomStatus(customStatus)
                .setVersion(version)
                .setLastChangedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setLastSeenAt(null)
                .setReason(NotificationReason.SUBSCRIBER)
                .build();
    }
}
