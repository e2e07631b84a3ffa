package io.presence.notifier.webhook;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.presence.config.CheckedConfig;
import io.presence.config.UrlCredentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code presence.push.*} keys (SPEC §9): where and how to push, and the retry budget.
 *
 * @param webhookUrl           empty when no webhook is configured (then nothing is pushed); never with credentials
 * @param webhookAuthorization the {@code Authorization} header every push carries, from credentials in the
 *                             configured URL ({@code https://user:password@push.example.com/…}: basic auth, for
 *                             a receiver behind a gateway that asks for it); empty for none
 * @param maxConcurrentRequests webhook requests one instance has open at once; the others wait their turn
 */
public record PushSettings(
        Optional<URI> webhookUrl,
        String webhookAuthorization,
        String webhookSecret,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        double jitter,
        int maxConcurrentRequests) {

    public PushSettings {
        if (webhookUrl.isPresent() && webhookSecret.isEmpty()) {
            throw new ConfigException.BadValue("presence.push.webhook-secret",
                    "it is empty while presence.push.webhook-url is set; pushes must be signed (PRESENCE_PUSH_WEBHOOK_SECRET)");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new ConfigException.BadValue("presence.push.retry.max-backoff",
                    "must be at least presence.push.retry.initial-backoff, were " + maxBackoff + " and " + initialBackoff);
        }
    }

    public static PushSettings from(Config config) {
        CheckedConfig push = CheckedConfig.of(config).at("presence.push");
        Optional<UrlCredentials> configured = push.checked("webhook-url", () -> url(push.string("webhook-url")).map(UrlCredentials::of));
        return new PushSettings(
                configured.map(UrlCredentials::url),
                configured.map(UrlCredentials::authorization).orElse(""),
                config.getString("presence.push.webhook-secret"),
                push.positiveDuration("request-timeout"),
                push.atLeast("retry.max-attempts", 1),
                push.positiveDuration("retry.initial-backoff"),
                push.positiveDuration("retry.max-backoff"),
                push.fraction("retry.jitter", 0, 1),
                push.atLeast("max-concurrent-requests", 1));
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
