package io.presence.schemas.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.avro.StatusNotification;

/**
 * A notification as clients and the webhook see it (SPEC §9): the changed user's status without
 * devices, plus {@code id} and {@code recipientId}; times in epoch milliseconds, {@code lastSeenAt}
 * null until the user first left ONLINE. One rendering for every place a notification leaves as JSON: the
 * notifier's frames and pushes, and the audit's listing of what a recipient was sent.
 */
@JsonPropertyOrder({"id", "recipientId", "userId", "status", "customStatus", "version", "lastChangedAt", "lastSeenAt", "reason"})
public record NotificationJson(
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

    public static String render(StatusNotification notification) {
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
