package io.presence.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.presence.http.JsonInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls a running ingest over real HTTP, as a gateway or a client would. */
public final class IngestHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public IngestHttp(int port) {
        this.port = port;
    }

    public HttpResponse<String> postEvents(String apiKey, String body) {
        HttpRequest.Builder request = request("/v1/events").POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request);
    }

    public HttpResponse<String> putStatus(String authorization, String body) {
        return send(authorized(request("/v1/me/status"), authorization).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> subscribe(String authorization, String body) {
        return send(authorized(request("/v1/me/subscriptions"), authorization).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> unsubscribe(String authorization, String body) {
        return send(authorized(request("/v1/me/subscriptions"), authorization)
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** Asserts a SPEC §9 error answer: the status, and a body of exactly {@code code} and a message. */
    static void assertError(HttpResponse<String> response, int status, int code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.path("code").asInt()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.size()).isEqualTo(2);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JsonInput.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String authorization) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
