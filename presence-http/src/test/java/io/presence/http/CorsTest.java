package io.presence.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A web chat app's page calling the client API from another origin, as a browser does it. */
class CorsTest {

    private static final String APP = "https://chat.example.com";

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpEdge edge;

    @AfterEach
    void stop() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void aPreflightFromAnAllowedOriginLetsThePageSendItsTokenAndJson() throws Exception {
        start(new CorsOrigins(List.of(APP)));

        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/v1/me/status"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type"));

        assertThat(preflight.statusCode()).isBetween(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("PUT"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(h -> assertThat(h.toLowerCase()).contains("authorization").contains("content-type"));
    }

    @Test
    void theAnswerAndItsErrorsAreReadableByTheAllowedPageOnly() throws Exception {
        start(new CorsOrigins(List.of(APP, "http://localhost:3000")));

        HttpResponse<String> accepted = send(put(APP));
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/v1/limited")).header("Origin", APP));
        HttpResponse<String> elsewhere = send(put("https://evil.example.org"));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as("the page reads the error body").contains(APP);
        assertThat(refused.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(h -> assertThat(h).containsIgnoringCase("Retry-After"));
        assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void byDefaultNoCrossOriginCallIsAnswered() throws Exception {
        start(CorsOrigins.fromConfig(ConfigFactory.defaultReference()));

        HttpResponse<String> answer = send(put(APP));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anyOriginWhenConfiguredSo() throws Exception {
        start(CorsOrigins.fromConfig(ConfigFactory.parseMap(Map.of(CorsOrigins.KEY, "*"))));

        assertThat(send(put("https://anyone.example.net")).headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void somethingThatIsNotAnOriginIsRefusedNamingTheKey() {
        for (String bad : List.of("chat.example.com", "https://chat.example.com/app", "ftp://files.example.com", "*, https://a.example.com")) {
            assertThatThrownBy(() -> CorsOrigins.fromConfig(ConfigFactory.parseMap(Map.of(CorsOrigins.KEY, bad))))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining(CorsOrigins.KEY);
        }
    }

    private void start(CorsOrigins cors) {
        edge = new HttpEdge(new EdgeSettings(1024, Duration.ofSeconds(1), cors),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional::empty);
        edge.app().put("/v1/me/status", ctx -> ctx.status(202).json(Map.of("eventId", "e1")));
        edge.app().get("/v1/limited", ctx -> {
            throw ApiException.rateLimited("too many", Duration.ofSeconds(3));
        });
        edge.start(0);
    }

    private HttpRequest.Builder put(String origin) {
        return HttpRequest.newBuilder(uri("/v1/me/status"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"customStatus\":\"x\"}"))
                .header("Content-Type", "application/json")
                .header("Origin", origin);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + edge.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
