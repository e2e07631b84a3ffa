package io.presence.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEdgeTest {

    record Greeting(String name, Long times, List<String> tags) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<String> notReady = new AtomicReference<>();
    private final CountDownLatch slowRequestArrived = new CountDownLatch(1);
    private HttpEdge edge;

    @BeforeEach
    void start() {
        edge = new HttpEdge(new EdgeSettings(200, Duration.ofSeconds(5)), metrics,
                () -> Optional.ofNullable(notReady.get()));
        edge.app().post("/v1/greetings", ctx -> ctx.json(JsonInput.read(ctx, Greeting.class)));
        edge.app().get("/v1/boom", ctx -> {
            throw new IllegalStateException("secret internals");
        });
        edge.app().get("/v1/slow-down", ctx -> {
            throw ApiException.rateLimited("too many", Duration.ofMillis(1500));
        });
        edge.app().get("/v1/slow", ctx -> {
            slowRequestArrived.countDown();
            ctx.future(() -> CompletableFuture.runAsync(() -> ctx.result("done"),
                    CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS)));
        });
        edge.start(0);
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void aGzippedBodyIsInflatedAndItsInflatedSizeIsWhatTheLimitCounts() throws Exception {
        byte[] small = gzip("{\"name\":\"ann\",\"times\":2,\"tags\":[\"a\"]}");
        byte[] bomb = gzip("{\"name\":\"" + "a".repeat(10_000) + "\",\"times\":2,\"tags\":[]}");

        HttpResponse<String> inflated = http.send(HttpRequest.newBuilder(uri("/v1/greetings"))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(small)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tooBig = http.send(HttpRequest.newBuilder(uri("/v1/greetings"))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bomb)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(inflated.statusCode()).as(inflated.body()).isEqualTo(200);
        assertThat(inflated.body()).contains("\"name\":\"ann\"");
        assertThat(bomb.length).as("compressed, it is under the 200-byte limit").isLessThan(200);
        assertThat(tooBig.statusCode()).as(tooBig.body()).isEqualTo(400);
        assertThat(tooBig.body()).contains("40001");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void healthIsUpWhenReady() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void healthIs50301WithTheReasonWhenNotReady() throws Exception {
        notReady.set("Kafka not reachable");
        HttpResponse<String> response = get("/health");
        assertError(response, 503, 50301);
        assertThat(json(response).path("message").asText()).contains("Kafka not reachable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void metricsExposeRequestsByRouteMethodAndStatusWithHistogramBuckets() throws Exception {
        post("/v1/greetings", "{\"name\":\"a\",\"times\":1,\"tags\":[]}");
        get("/nowhere");
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body())
                .contains("http_server_requests_seconds_bucket{")
                .containsPattern("http_server_requests_seconds_count\\{method=\"POST\",route=\"/v1/greetings\",status=\"200\"} 1")
                .containsPattern("http_server_requests_seconds_count\\{method=\"GET\",route=\"UNMATCHED\",status=\"404\"} 1");
    }

    @Test
    void metricsShowTheJvmBesideTheServicesOwnMeters() throws Exception {
        // the collector's pause timer appears with the first collection it is told of
        System.gc();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/metrics").body())
                .contains("jvm_memory_used_bytes{area=\"heap\"")
                .contains("jvm_gc_pause_seconds_count{")
                .contains("jvm_threads_live_threads ")
                .contains("process_cpu_usage ")
                .contains("jvm_classes_loaded_classes ")
                .contains("process_uptime_seconds "));
    }

    @Test
    void validBodyIsRead() throws Exception {
        HttpResponse<String> response = post("/v1/greetings", "{\"name\":\"ann\",\"times\":2,\"tags\":[\"x\"]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asText()).isEqualTo("ann");
    }

    @Test
    void malformedJsonIs40001() throws Exception {
        assertError(post("/v1/greetings", "{\"name\":"), 400, 40001);
        assertError(post("/v1/greetings", "{\"name\":\"a\"} {}"), 400, 40001);
        assertError(post("/v1/greetings", ""), 400, 40001);
        assertError(post("/v1/greetings", "null"), 400, 40001);
        assertError(post("/v1/greetings", "[]"), 400, 40001);
    }

    @Test
    void aBodyCutOffInsideAListIsNamedMalformedNotAnInvalidField() throws Exception {
        HttpResponse<String> cut = post("/v1/greetings", "{\"tags\":[\"a\",");
        assertError(cut, 400, 40001);
        assertThat(json(cut).path("message").asText()).startsWith("malformed JSON at line 1").doesNotContain("Source");
    }

    @Test
    void wrongTypesAre40001NamingTheField() throws Exception {
        HttpResponse<String> stringForNumber = post("/v1/greetings", "{\"name\":\"a\",\"times\":\"2\"}");
        assertError(stringForNumber, 400, 40001);
        assertThat(json(stringForNumber).path("message").asText()).isEqualTo("field 'times' must be a whole number");

        HttpResponse<String> numberForString = post("/v1/greetings", "{\"name\":7}");
        assertError(numberForString, 400, 40001);
        assertThat(json(numberForString).path("message").asText()).isEqualTo("field 'name' must be a string");

        HttpResponse<String> badItem = post("/v1/greetings", "{\"tags\":[\"a\",{}]}");
        assertThat(json(badItem).path("message").asText()).isEqualTo("field 'tags[1]' must be a string");

        assertError(post("/v1/greetings", "{\"times\":1.5}"), 400, 40001);
    }

    @Test
    void unknownAndDuplicateFieldsAre40001() throws Exception {
        HttpResponse<String> unknown = post("/v1/greetings", "{\"nmae\":\"a\"}");
        assertError(unknown, 400, 40001);
        assertThat(json(unknown).path("message").asText()).isEqualTo("unknown field 'nmae'");
        assertError(post("/v1/greetings", "{\"name\":\"a\",\"name\":\"b\"}"), 400, 40001);
    }

    @Test
    void bodyOverTheLimitIs40001WithOrWithoutContentLength() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(300) + "\"}";
        assertError(post("/v1/greetings", big), 400, 40001);

        HttpRequest chunked = HttpRequest.newBuilder(uri("/v1/greetings"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        HttpResponse<String> response = http.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertError(response, 400, 40001);
        assertThat(json(response).path("message").asText()).contains("limit of 200 bytes");
    }

    @Test
    void unknownRouteIsJson404() throws Exception {
        HttpResponse<String> response = get("/v1/nothing-here");
        assertError(response, 404, 40401);
    }

    @Test
    void aKnownPathAskedWithTheWrongMethodIsJson405() throws Exception {
        HttpResponse<String> response = post("/health", "{}");
        assertError(response, 405, 40501);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
        assertThat(json(response).path("message").asText()).isEqualTo("POST is not allowed on /health; allowed: GET");
    }

    @Test
    void unexpectedExceptionIs500WithAGenericMessage() throws Exception {
        HttpResponse<String> response = get("/v1/boom");
        assertError(response, 500, 50001);
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException").doesNotContain("at io.");
    }

    @Test
    void rateLimitedAnswersCarryRetryAfterInWholeSecondsRoundedUp() throws Exception {
        HttpResponse<String> response = get("/v1/slow-down");
        assertError(response, 429, 42901);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void routesListsEveryDeclaredHttpRoute() {
        assertThat(edge.routes()).containsExactlyInAnyOrder(
                "GET /health", "GET /metrics", "POST /v1/greetings", "GET /v1/boom", "GET /v1/slow-down", "GET /v1/slow");
    }

    @Test
    void closeLetsRequestsInFlightFinish() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(
                HttpRequest.newBuilder(uri("/v1/slow")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(slowRequestArrived.await(5, TimeUnit.SECONDS)).isTrue();
        edge.close();
        HttpResponse<String> response = slow.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
    }

    @Test
    void aTakenPortIsAClearError() {
        HttpEdge second = new HttpEdge(EdgeSettings.defaults(), metrics, ReadinessCheck.alwaysReady());
        assertThatThrownBy(() -> second.start(edge.port()))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("port " + edge.port() + " is already in use");
    }

    private void assertError(HttpResponse<String> response, int status, int code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.path("code").asInt()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.size()).isEqualTo(2);
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return JsonInput.mapper().readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + edge.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
