package io.presence.ingest.subscription;

import java.util.List;

/** The body of {@code POST} and {@code DELETE /v1/me/subscriptions}: {@code {"userIds": ["u2", "u3"]}}. */
public record SubscriptionRequestJson(List<String> userIds) {
}
