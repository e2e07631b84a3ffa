package io.presence.notifier;

import static org.awaitility.Awaitility.await;

import io.presence.config.PresenceConfigLoader;
import io.presence.notifier.app.NotifierConfig;
import io.presence.notifier.app.NotifierService;
import io.presence.testkit.FreePort;
import io.presence.testkit.PresenceCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notifier instances against the shared test cluster: a free port, the test secret, short timers and
 * backoffs, and "latest" for a new group (the shared topic holds other tests' notifications).
 */
final class NotifierCluster {

    private final PresenceCluster presence;
    private final String groupId;

    NotifierCluster(PresenceCluster presence) {
        this.presence = presence;
        this.groupId = TestNotifications.unique("notifier-it");
    }

    PresenceCluster presence() {
        return presence;
    }

    String groupId() {
        return groupId;
    }

    /** The environment of an instance in this cluster's group; {@code overrides} win, as real environment variables would. */
    Map<String, String> env(Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PRESENCE_KAFKA_BOOTSTRAP", presence.bootstrapServers());
        env.put("PRESENCE_SCHEMA_REGISTRY_URL", presence.registryUrl());
        env.put("PRESENCE_AUTH_SECRET", TestTokens.SECRET);
        env.put("PRESENCE_NOTIFIER_PORT", "0");
        env.put("PRESENCE_NOTIFIER_GROUP_ID", groupId);
        env.put("PRESENCE_NOTIFIER_AUTO_OFFSET_RESET", "latest");
        env.put("PRESENCE_NOTIFIER_COMMIT_INTERVAL", "200ms");
        env.put("PRESENCE_NOTIFIER_MEMBERSHIP_REFRESH", "500ms");
        env.put("PRESENCE_NOTIFIER_SESSION_TIMEOUT", "6s");
        env.put("PRESENCE_NOTIFIER_SHUTDOWN_GRACE", "5s");
        env.put("PRESENCE_PUSH_REQUEST_TIMEOUT", "5s");
        env.put("PRESENCE_PUSH_RETRY_MAX_ATTEMPTS", "4");
        env.put("PRESENCE_PUSH_RETRY_INITIAL_BACKOFF", "20ms");
        env.put("PRESENCE_PUSH_RETRY_MAX_BACKOFF", "100ms");
        env.putAll(overrides);
        return env;
    }

    /** Env that pushes to {@code receiver}. */
    static Map<String, String> pushingTo(WebhookReceiver receiver) {
        return Map.of("PRESENCE_PUSH_WEBHOOK_URL", receiver.url().toString(), "PRESENCE_PUSH_WEBHOOK_SECRET", WebhookReceiver.SECRET);
    }

    /** Starts an instance and waits until {@code /health} is 200 (it joined the group and fixed its start offsets). */
    NotifierService start(Map<String, String> overrides) {
        NotifierService service = new NotifierService(NotifierConfig.from(PresenceConfigLoader.load(env(overrides))), presence.topics()).start();
        awaitHealthy(service.port());
        return service;
    }

    /** Env for an instance on a fixed free port that advertises {@code ws://localhost:<port>} (what redirects name). */
    static Map<String, String> onFreePort() {
        int port = FreePort.find();
        return Map.of("PRESENCE_NOTIFIER_PORT", Integer.toString(port), "PRESENCE_NOTIFIER_ADVERTISED_URL", "ws://localhost:" + port);
    }

    static void awaitHealthy(int port) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
