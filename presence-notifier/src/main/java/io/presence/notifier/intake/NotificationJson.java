package io.presence.notifier.intake;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.avro.StatusNotification;

/**
 * A notification as clients and the webhook see it (SPEC §9): the changed user's status without
 * devices, plus {@code id} and {@code recipientId}; times in epoch milliseconds, {@code lastSeenAt}
 * null until the user first left ONLINE.
 */
@JsonPropertyOrder({"id", "recipientId", "userId", "status", "customStatus", "version", "lastChangedAt", "lastSeenAt", "reason"})
record NotificationJson(
        String id,
        String recipientId,
        String userId,
        String status,
        String customStatus,
        long version,
        long lastChangedAt,
        Long lastSeenAt,
        String reason) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String render(StatusNotification notification) {
        NotificationJson json = new NotificationJson(
                notification.getId(),
                notification.getRecipientId(),
                notification.getUserId(),
                notification.getStatus().name(),
                notification.getCustomStatus(),
                notification.getVersion(),
                notification.getLastChangedAt().toEpochMilli(),
                notification.getLastSeenAt() == null ? null : notification.getLastSeenAt().toEpochMilli(),
                notification.getReason().name());
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always render", e);
        }
    }
}
