package io.presence.ingest;

import static io.presence.ingest.IngestHttp.assertError;
import static io.presence.ingest.GatewayBodies.events;
import static io.presence.ingest.GatewayBodies.item;
import static io.presence.ingest.GatewayBodies.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.testkit.PresenceCluster;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 2xx means durable: with the broker gone, every write answers 50301 within the configured bound,
 * {@code /health} turns 503, and once the broker is back the same service writes again. Uses a
 * broker of its own, since it stops it.
 */
class DurabilityIT {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(3);
    // the answer may come a little after the bound: scheduling on a 2-core machine, the HTTP round trip
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(2);

    private PresenceCluster presence;
    private IngestService ingest;

    @AfterEach
    void stop() {
        if (ingest != null) {
            ingest.close();
        }
        if (presence != null) {
            presence.close();
        }
    }

    @Test
    void withTheBrokerStoppedWritesAre50301WithinTheBoundAndResumeWhenItIsBack() throws IOException {
        presence = PresenceCluster.onOwnBroker();
        IngestCluster cluster = IngestCluster.of(presence);
        ingest = cluster.start(Map.of("PRESENCE_INGEST_KAFKA_WRITE_TIMEOUT", WRITE_TIMEOUT.toSeconds() + "s"), InstantSource.system());
        IngestHttp http = new IngestHttp(ingest.port());
        await().until(() -> http.get("/health").statusCode() == 200);

        String before = uniqueUser();
        assertThat(http.postEvents(IngestCluster.GATEWAY_KEY, events(item("LOGIN", before, "d", "c", "WEB", null))).statusCode()).isEqualTo(200);

        presence.broker().stop();
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/health").statusCode() == 503);
        assertError(http.get("/health"), 503, 50301);

        long started = System.nanoTime();
        HttpResponse<String> refused = http.postEvents(IngestCluster.GATEWAY_KEY,
                events(item("LOGIN", uniqueUser(), "d", "c", "WEB", null), item("HEARTBEAT", uniqueUser(), "d", "c", null, null)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertError(refused, 503, 50301);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(IngestHttp.json(refused).path("message").asText()).contains("not durable");
        assertThat(took).isLessThan(WRITE_TIMEOUT.plus(ANSWER_MARGIN));
        assertError(http.putStatus(TestTokens.bearer(uniqueUser()), "{\"customStatus\":\"hi\"}"), 503, 50301);
        assertError(http.subscribe(TestTokens.bearer(uniqueUser()), "{\"userIds\":[\"bob\"]}"), 503, 50301);

        presence.broker().startAgain();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/health").statusCode() == 200);
        String after = uniqueUser();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                http.postEvents(IngestCluster.GATEWAY_KEY, events(item("LOGIN", after, "d", "c", "WEB", null))).statusCode() == 200);

        // what was acknowledged before the outage survived it, and the writes after it landed
        assertThat(TopicReader.awaitRecords(presence.bootstrapServers(), cluster.topics().events(), before, 1)).hasSize(1);
        assertThat(TopicReader.awaitRecords(presence.bootstrapServers(), cluster.topics().events(), after, 1)).isNotEmpty();
    }
}
