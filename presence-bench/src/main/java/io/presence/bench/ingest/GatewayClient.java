package io.presence.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A gateway's side of {@code POST /v1/events}: sends a rendered batch with the API key and
 * completes with the number of events ingest accepted — only after its 200, which ingest sends
 * once Kafka acknowledged every accepted event. Anything but a 200 with every item accepted fails.
 */
public final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final String apiKey;

    public GatewayClient(int port, String apiKey) {
        this.events = URI.create("http://127.0.0.1:" + port + "/v1/events");
        this.apiKey = apiKey;
    }

    public CompletableFuture<Integer> post(byte[] body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(events).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> accepted(response, expected));
    }

    private static int accepted(HttpResponse<byte[]> response, int expected) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /v1/events answered " + response.statusCode() + ": " + text);
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            int accepted = answer.path("accepted").asInt(-1);
            if (accepted != expected) {
                throw new IllegalStateException("ingest accepted " + accepted + " of " + expected + " events: " + text);
            }
            return accepted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer of POST /v1/events: " + text, e);
        }
    }
}
