package io.presence.ingest;

import static io.presence.ingest.GatewayBodies.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A web chat app's page, served from its own origin, setting its user's status and subscribing as a
 * browser does: a CORS preflight first (no token in it), then the call with the token.
 */
@ExtendWith(PresenceClusterExtension.class)
class BrowserClientIT {

    private static final String APP = "https://chat.example.com";

    private static IngestService ingest;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(PresenceCluster presence) {
        ingest = IngestCluster.of(presence).start(Map.of("PRESENCE_HTTP_CORS_ALLOWED_ORIGINS", APP), InstantSource.system());
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @Test
    void aPageOfAnAllowedOriginPassesThePreflightAndReadsTheAnswer() throws Exception {
        String user = uniqueUser();
        for (String[] call : new String[][] {{"PUT", "/v1/me/status"}, {"POST", "/v1/me/subscriptions"}, {"DELETE", "/v1/me/subscriptions"}}) {
            HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri(call[1]))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", APP)
                    .header("Access-Control-Request-Method", call[0])
                    .header("Access-Control-Request-Headers", "authorization,content-type"));

            assertThat(preflight.statusCode()).as(call[0] + " " + call[1] + ": " + preflight.body()).isBetween(200, 204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
        }

        HttpResponse<String> set = send(HttpRequest.newBuilder(uri("/v1/me/status"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"customStatus\":\"In a meeting\"}"))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.bearer(user)).header("Origin", APP));
        HttpResponse<String> unauthenticated = send(HttpRequest.newBuilder(uri("/v1/me/status"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"customStatus\":\"x\"}"))
                .header("Content-Type", "application/json").header("Origin", APP));

        assertThat(set.statusCode()).as(set.body()).isEqualTo(202);
        assertThat(set.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("Access-Control-Allow-Origin")).as("the page can read why").contains(APP);
    }

    @Test
    void aPageOfAnotherOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/v1/me/status"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.org")
                .header("Access-Control-Request-Method", "PUT"));

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + ingest.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
