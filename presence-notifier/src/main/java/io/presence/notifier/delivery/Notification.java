package io.presence.notifier.delivery;

import java.time.Instant;

/**
 * One notification read from {@code presence.notifications}, checked and rendered once: {@code json}
 * is the exact text every channel sends (a WebSocket frame, a webhook body).
 */
public record Notification(
        String id,
        String recipientId,
        String userId,
        long version,
        Instant lastChangedAt,
        String json,
        SourceRecord source) {
}
