package io.presence.notifier.webhook;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code presence.push.*} keys (SPEC §9): where and how to push, and the retry budget.
 *
 * @param webhookUrl empty when no webhook is configured (then nothing is pushed)
 */
public record PushSettings(
        Optional<URI> webhookUrl,
        String webhookSecret,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        double jitter) {

    public PushSettings {
        if (webhookUrl.isPresent() && webhookSecret.isEmpty()) {
            throw new ConfigException.BadValue("presence.push.webhook-secret",
                    "it is empty while presence.push.webhook-url is set; pushes must be signed (PRESENCE_PUSH_WEBHOOK_SECRET)");
        }
        if (maxAttempts < 1) {
            throw new ConfigException.BadValue("presence.push.retry.max-attempts", "must be at least 1, was " + maxAttempts);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new ConfigException.BadValue("presence.push.retry.jitter", "must be in [0, 1), was " + jitter);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new ConfigException.BadValue("presence.push.retry.max-backoff",
                    "backoffs must be positive with max-backoff >= initial-backoff, were " + initialBackoff + " and " + maxBackoff);
        }
    }

    public static PushSettings from(Config config) {
        Config push = config.getConfig("presence.push");
        return new PushSettings(
                url(push.getString("webhook-url")),
                push.getString("webhook-secret"),
                push.getDuration("request-timeout"),
                push.getInt("retry.max-attempts"),
                push.getDuration("retry.initial-backoff"),
                push.getDuration("retry.max-backoff"),
                push.getDouble("retry.jitter"));
    }

    private static Optional<URI> url(String configured) {
        if (configured.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(configured.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new ConfigException.BadValue("presence.push.webhook-url", "must be an http or https URL, was " + configured);
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new ConfigException.BadValue("presence.push.webhook-url", "is not a URL: " + e.getMessage());
        }
    }
}
