package io.presence.streams.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/** A client of {@code POST /v1/status:query}, for integration tests. */
public final class QueryHttp {

    /** One answer: the statuses of a 200, or the error code of anything else. */
    public record Answer(int httpStatus, int code, List<StatusJson> statuses, String body) {

        public boolean isOk() {
            return httpStatus == 200;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public Answer ask(int port, String bearer, List<String> userIds) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/status:query"))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(userIds)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(QueryHttp::answer).join();
    }

    private static Answer answer(HttpResponse<String> response) {
        try {
            if (response.statusCode() == 200) {
                return new Answer(200, 0, JSON.readValue(response.body(), StatusesJson.class).statuses(), response.body());
            }
            JsonNode error = JSON.readTree(response.body());
            return new Answer(response.statusCode(), error.path("code").asInt(), List.of(), response.body());
        } catch (IOException e) {
            throw new CompletionException("unreadable answer (HTTP " + response.statusCode() + "): " + response.body(), e);
        }
    }

    private static String body(List<String> userIds) {
        try {
            return JSON.writeValueAsString(Map.of("userIds", userIds));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }
}
