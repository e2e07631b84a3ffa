package io.presence.notifier.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import com.sun.management.UnixOperatingSystemMXBean;
import io.presence.config.PresenceConfigLoader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierConfigTest {

    private static final Map<String, String> SECRET = Map.of("PRESENCE_AUTH_SECRET", "s");

    @Test
    void theDefaultsAreSpecSection9And10() {
        NotifierConfig config = NotifierConfig.from(PresenceConfigLoader.load(SECRET));

        assertThat(config.port()).isEqualTo(8082);
        assertThat(config.push().webhookUrl()).isEmpty();
        assertThat(config.push().maxAttempts()).isEqualTo(8);
        assertThat(config.push().initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.push().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.kafka().bootstrap()).isEqualTo("localhost:9092");
        assertThat(config.intake().groupId()).isEqualTo("presence-notifier");
        assertThat(config.intake().autoOffsetReset()).isEqualTo("earliest");
        assertThat(config.advertisedUrl()).isEmpty();
        assertThat(config.sockets().maxPerUser()).isEqualTo(32);
        long openFiles = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        assertThat(config.sockets().maxOpen()).as("what the open-file limit %d leaves", openFiles)
                .isEqualTo((int) Math.min(Integer.MAX_VALUE, openFiles - Math.min(1024, openFiles / 2)));
    }

    @Test
    void environmentVariablesOverrideEveryKey() {
        Map<String, String> env = new HashMap<>(SECRET);
        env.put("PRESENCE_NOTIFIER_PORT", "9082");
        env.put("PRESENCE_PUSH_WEBHOOK_URL", "https://push.example.com/presence");
        env.put("PRESENCE_PUSH_WEBHOOK_SECRET", "hmac-key");
        env.put("PRESENCE_PUSH_RETRY_MAX_ATTEMPTS", "3");
        env.put("PRESENCE_PUSH_RETRY_INITIAL_BACKOFF", "1s");
        env.put("PRESENCE_NOTIFIER_SOCKET_SEND_QUEUE", "32");
        env.put("PRESENCE_NOTIFIER_SOCKET_MAX_OPEN", "5000");

        NotifierConfig config = NotifierConfig.from(PresenceConfigLoader.load(env));

        assertThat(config.port()).isEqualTo(9082);
        assertThat(config.push().webhookUrl()).contains(URI.create("https://push.example.com/presence"));
        assertThat(config.push().webhookSecret()).isEqualTo("hmac-key");
        assertThat(config.push().webhookAuthorization()).as("no credentials in the URL").isEmpty();
        assertThat(config.push().maxAttempts()).isEqualTo(3);
        assertThat(config.push().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.sockets().sendQueue()).isEqualTo(32);
        assertThat(config.sockets().maxOpen()).isEqualTo(5000);
    }

    @Test
    void credentialsInTheWebhookUrlBecomeBasicAuthAndLeaveTheUrl() {
        Map<String, String> env = new HashMap<>(SECRET);
        env.put("PRESENCE_PUSH_WEBHOOK_URL", "https://presence:p%40ss@push.example.com/hook");
        env.put("PRESENCE_PUSH_WEBHOOK_SECRET", "hmac-key");

        NotifierConfig config = NotifierConfig.from(PresenceConfigLoader.load(env));

        assertThat(config.push().webhookUrl()).contains(URI.create("https://push.example.com/hook"));
        assertThat(config.push().webhookAuthorization())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("presence:p@ss".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWebhookWithoutSecretIsRefusedAtStartUp() {
        Map<String, String> env = new HashMap<>(SECRET);
        env.put("PRESENCE_PUSH_WEBHOOK_URL", "https://push.example.com/presence");

        assertThatThrownBy(() -> NotifierConfig.from(PresenceConfigLoader.load(env)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("webhook-secret");
    }

    @Test
    void anEmptyAuthSecretOrANonHttpWebhookIsRefused() {
        assertThatThrownBy(() -> NotifierConfig.from(PresenceConfigLoader.load(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PRESENCE_AUTH_SECRET");
        Map<String, String> env = new HashMap<>(SECRET);
        env.put("PRESENCE_PUSH_WEBHOOK_URL", "ftp://push.example.com");
        env.put("PRESENCE_PUSH_WEBHOOK_SECRET", "k");
        assertThatThrownBy(() -> NotifierConfig.from(PresenceConfigLoader.load(env)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http");
    }
}
