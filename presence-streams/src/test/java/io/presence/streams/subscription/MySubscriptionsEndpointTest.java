package io.presence.streams.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.presence.http.ApiException;
import io.presence.http.EdgeSettings;
import io.presence.http.HttpEdge;
import io.presence.http.auth.JwtVerifier;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/me/subscriptions} over real HTTP, with the lists in a map. */
class MySubscriptionsEndpointTest {

    private final Map<String, List<String>> lists = Map.of("sam", List.of("oldest", "newer", "newest"));
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpEdge edge;

    @BeforeEach
    void start() {
        edge = new HttpEdge(EdgeSettings.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional::empty);
        new MySubscriptionsEndpoint(new JwtVerifier(TestTokens.SECRET), subscriber -> {
            if (subscriber.equals("moving")) {
                throw ApiException.unavailable("the subscriptions of this user are moving", Duration.ofSeconds(1), null);
            }
            return lists.getOrDefault(subscriber, List.of());
        }).declareOn(edge.app());
        edge.start(0);
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void theCallerGetsItsOwnListOldestFirst() throws Exception {
        HttpResponse<String> answer = get(TestTokens.bearer("sam"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"userIds\":[\"oldest\",\"newer\",\"newest\"]}");
    }

    @Test
    void aCallerWithoutSubscriptionsGetsAnEmptyList() throws Exception {
        assertThat(get(TestTokens.bearer("kim")).body()).isEqualTo("{\"userIds\":[]}");
    }

    @Test
    void withoutAValidTokenTheAnswerIs40101() throws Exception {
        HttpResponse<String> answer = get(null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("40101");
    }

    @Test
    void aListThatCannotBeReadNowIs50301WithRetryAfter() throws Exception {
        HttpResponse<String> answer = get(TestTokens.bearer("moving"));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("50301");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
    }

    private HttpResponse<String> get(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + edge.port() + "/v1/me/subscriptions"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
