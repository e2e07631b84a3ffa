package io.presence.bench.query;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.streams.query.StatusJson;
import io.presence.streams.query.StatusesJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Many clients of {@code POST /v1/status:query}: callers take turns, each with a token signed with
 * the instances' secret, so the 20-calls-per-5-s limit per caller (R-QRY-3) never applies. A call
 * completes normally only once its answer is read and right: a 200 that names every id asked, in
 * order, as ONLINE (every user of the scenario is logged in). Anything else fails it.
 */
final class StatusQueryClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(1);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> bearers = new ArrayList<>();

    StatusQueryClient(String authSecret, int callers) {
        Algorithm signing = Algorithm.HMAC256(authSecret);
        for (int i = 0; i < callers; i++) {
            bearers.add("Bearer " + JWT.create().withSubject("presence-bench-caller-" + i)
                    .withExpiresAt(Instant.now().plus(TOKEN_LIFETIME)).sign(signing));
        }
    }

    /** The k-th call: asks the instance on {@code port} for {@code userIds}, as caller {@code k} modulo the callers. */
    CompletableFuture<Void> ask(int port, List<String> userIds, int k) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/status:query"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", bearers.get(k % bearers.size()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(userIds)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response ->
                problemWith(response.statusCode(), response.body(), userIds).ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                }));
    }

    /** What is wrong with an answer to a query for {@code asked}; empty when it is right. */
    static Optional<String> problemWith(int httpStatus, String body, List<String> asked) {
        if (httpStatus != 200) {
            return Optional.of("HTTP " + httpStatus + ": " + body);
        }
        List<StatusJson> statuses;
        try {
            statuses = JSON.readValue(body, StatusesJson.class).statuses();
        } catch (JsonProcessingException e) {
            return Optional.of("unreadable answer: " + e.getOriginalMessage());
        }
        if (statuses == null || statuses.size() != asked.size()) {
            return Optional.of((statuses == null ? 0 : statuses.size()) + " statuses for " + asked.size() + " ids");
        }
        for (int i = 0; i < asked.size(); i++) {
            StatusJson status = statuses.get(i);
            if (!status.userId().equals(asked.get(i)) || !"ONLINE".equals(status.status())) {
                return Optional.of("answer " + i + " is " + status.userId() + " " + status.status() + ", asked " + asked.get(i)
                        + " (ONLINE)");
            }
        }
        return Optional.empty();
    }

    private static String body(List<String> userIds) {
        try {
            return JSON.writeValueAsString(Map.of("userIds", userIds));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }
}
