package io.presence.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.presence.http.EdgeSettings;
import io.presence.http.HttpEdge;
import io.presence.http.ReadinessCheck;
import io.presence.http.auth.JwtVerifier;
import io.presence.http.ratelimit.RateLimit;
import io.presence.http.ratelimit.SlidingWindowRateLimiter;
import io.presence.streams.query.routing.KeyLookup;
import io.presence.streams.query.routing.KeyResult;
import io.presence.streams.query.routing.KeyResults;
import io.presence.streams.query.routing.QueryableStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GetUserStatus at the edge, over real HTTP, with the routing replaced by a fixed set of answers. */
class StatusQueryEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final Map<String, StatusJson> stored = new LinkedHashMap<>();
    private final Set<String> unreadable = new HashSet<>();
    private final List<List<String>> lookups = new ArrayList<>();
    private HttpEdge edge;

    private final KeyLookup fixedAnswers = new KeyLookup() {
        @Override
        @SuppressWarnings("unchecked")
        public <V, A> CompletableFuture<KeyResults<A>> lookup(QueryableStore<V, A> store, List<String> keys) {
            lookups.add(keys);
            Map<String, KeyResult<A>> results = new LinkedHashMap<>();
            for (String key : keys) {
                results.put(key, unreadable.contains(key) ? new KeyResult.Unavailable<>("instance down")
                        : stored.containsKey(key) ? new KeyResult.Found<>((A) stored.get(key)) : new KeyResult.Absent<>());
            }
            return CompletableFuture.completedFuture(new KeyResults<>(results));
        }
    };

    private void start(boolean othersEnabled) {
        edge = new HttpEdge(EdgeSettings.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ReadinessCheck.alwaysReady());
        StatusQueryEndpoint endpoint = new StatusQueryEndpoint(new JwtVerifier(TestTokens.SECRET), fixedAnswers,
                new StatusQueryEndpoint.Limits(othersEnabled,
                        new SlidingWindowRateLimiter(new RateLimit(20, Duration.ofSeconds(5), 1000), clock), 500,
                        Duration.ofSeconds(2)));
        edge.app().post("/v1/status:query", endpoint::query);
        edge.start(0);
    }

    @AfterEach
    void stop() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void R_QRY_1_statusesComeInTheOrderAskedWithTheirDevices() throws Exception {
        start(true);
        stored.put("bob", new StatusJson("bob", "ONLINE", "Listening to music", 3, 1_000L, 900L,
                List.of(new DeviceJson("phone", "IOS", "CONNECTED", 1_000L), new DeviceJson("laptop", "MAC", "DISCONNECTED", 800L))));
        stored.put("carol", new StatusJson("carol", "OFFLINE", "", 5, 2_000L, 2_000L,
                List.of(new DeviceJson("web", "WEB", "DISCONNECTED", 2_000L))));

        HttpResponse<String> response = query("alice", "carol", "bob");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode statuses = JSON.readTree(response.body()).path("statuses");
        assertThat(statuses).extracting(s -> s.path("userId").asText()).containsExactly("carol", "bob");
        JsonNode bob = statuses.get(1);
        assertThat(bob.path("status").asText()).isEqualTo("ONLINE");
        assertThat(bob.path("customStatus").asText()).isEqualTo("Listening to music");
        assertThat(bob.path("version").asLong()).isEqualTo(3);
        assertThat(bob.path("lastChangedAt").asLong()).isEqualTo(1_000L);
        assertThat(bob.path("lastSeenAt").asLong()).isEqualTo(900L);
        assertThat(bob.path("devices")).hasSize(2);
        assertThat(bob.path("devices").get(0).toString())
                .isEqualTo("{\"deviceId\":\"phone\",\"platform\":\"IOS\",\"state\":\"CONNECTED\",\"since\":1000}");
    }

    @Test
    void R_QRY_1_unknownUsersAreUnloginedWithAnEmptyCustomStatus() throws Exception {
        start(true);

        HttpResponse<String> response = query("alice", "never-seen");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(response.body()).path("statuses").get(0);
        assertThat(status.path("userId").asText()).isEqualTo("never-seen");
        assertThat(status.path("status").asText()).isEqualTo("UNLOGINED");
        assertThat(status.path("customStatus").asText()).isEmpty();
        assertThat(status.path("version").asLong()).isZero();
        assertThat(status.path("lastChangedAt").isNull()).isTrue();
        assertThat(status.path("lastSeenAt").isNull()).isTrue();
        assertThat(status.path("devices")).isEmpty();
    }

    @Test
    void R_QRY_1_fiveHundredIdsAreAnsweredAndFiveHundredAndOneAreRefused() throws Exception {
        start(true);

        HttpResponse<String> fiveHundred = query("alice", ids(500));
        HttpResponse<String> tooMany = query("alice", ids(501));

        assertThat(fiveHundred.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(fiveHundred.body()).path("statuses")).hasSize(500);
        assertError(tooMany, 400, 40001, "at most 500 userIds");
    }

    @Test
    void R_QRY_1_aRepeatedIdIsRefusedNamingBothPlaces() throws Exception {
        start(true);

        assertError(query("alice", "bob", "carol", "bob"), 400, 40001, "userIds[2]' repeats userIds[0]");
        assertThat(lookups).isEmpty();
    }

    @Test
    void R_QRY_1_anInvalidIdIsRefusedByItsIndex() throws Exception {
        start(true);

        assertError(query("alice", "bob", "no spaces"), 400, 40001, "userIds[1]");
        assertError(query("alice", "bob", "x".repeat(65)), 400, 40001, "userIds[1]");
    }

    @Test
    void R_QRY_1_aMissingEmptyOrMalformedListIsRefused() throws Exception {
        start(true);

        assertError(post("alice", "{}"), 400, 40001, "'userIds' is required");
        assertError(post("alice", "{\"userIds\":[]}"), 400, 40001, "at least one");
        assertError(post("alice", "{\"userIds\":\"bob\"}"), 400, 40001, "userIds");
        assertError(post("alice", "{\"userIds\":[\"bob\"],\"extra\":1}"), 400, 40001, "extra");
        assertError(post("alice", "{not json"), 400, 40001, "malformed JSON");
    }

    @Test
    void R_QRY_2_aUserMayQueryItselfWhenQueryingOthersIsOff() throws Exception {
        start(false);

        HttpResponse<String> response = query("alice", "alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("statuses").get(0).path("userId").asText()).isEqualTo("alice");
    }

    @Test
    void R_QRY_2_queryingOnlyOneselfIsNeverRateLimited() throws Exception {
        start(true);

        for (int call = 1; call <= 50; call++) {
            assertThat(query("alice", "alice").statusCode()).as("call %d", call).isEqualTo(200);
        }
        // and it used none of the limit on queries of others
        for (int call = 1; call <= 20; call++) {
            assertThat(query("alice", "bob").statusCode()).as("call %d about bob", call).isEqualTo(200);
        }
    }

    @Test
    void R_QRY_3_queryingOthersWhenTheFeatureIsOffIs72001() throws Exception {
        start(false);

        assertError(query("alice", "bob"), 403, 72001, "presence.features.query-and-subscribe");
        assertError(query("alice", "alice", "bob"), 403, 72001, "query-and-subscribe");
        assertThat(lookups).isEmpty();
    }

    @Test
    void R_QRY_3_the21stQueryOfOthersInsideFiveSecondsIs42901WithRetryAfter() throws Exception {
        start(true);
        for (int call = 1; call <= 20; call++) {
            assertThat(query("alice", "bob").statusCode()).as("call %d", call).isEqualTo(200);
            clock.advance(Duration.ofMillis(100));
        }

        HttpResponse<String> refused = query("alice", "bob");

        assertError(refused, 429, 42901, "20 calls per 5 s");
        // the first call leaves the window 5 s after it was made, i.e. 3 s from now
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
        clock.advance(Duration.ofSeconds(3));
        assertThat(query("alice", "bob").statusCode()).isEqualTo(200);
    }

    @Test
    void R_QRY_3_theLimitIsPerCallerAndInvalidCallsCountTowardIt() throws Exception {
        start(true);
        for (int call = 1; call <= 20; call++) {
            assertThat(query("alice", "not valid").statusCode()).isEqualTo(400);
        }

        assertError(query("alice", "bob"), 429, 42901, "rate limit");
        assertThat(query("dave", "bob").statusCode()).isEqualTo(200);
    }

    @Test
    void R_QRY_4_anIdNoInstanceCanReadMakesTheCall50301WithRetryAfter() throws Exception {
        start(true);
        unreadable.add("carol");

        HttpResponse<String> response = query("alice", "bob", "carol");

        assertError(response, 503, 50301, "1 of 2 userIds cannot be read");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(response.body()).doesNotContain("instance down");
    }

    @Test
    void aCallWithoutAValidTokenIs40101() throws Exception {
        start(true);

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.ofString(
                "{\"userIds\":[\"bob\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(uri()).header("Authorization", "Bearer not.a.token")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userIds\":[\"bob\"]}")).build(), HttpResponse.BodyHandlers.ofString());

        assertError(anonymous, 401, 40101, "Authorization");
        assertError(forged, 401, 40101, "token");
    }

    private HttpResponse<String> query(String caller, String... userIds) throws Exception {
        String body = JSON.writeValueAsString(Map.of("userIds", List.of(userIds)));
        return post(caller, body);
    }

    private HttpResponse<String> post(String caller, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri()).header("Authorization", TestTokens.bearer(caller))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://localhost:" + edge.port() + "/v1/status:query");
    }

    private static String[] ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "user-" + i).collect(Collectors.toList()).toArray(String[]::new);
    }

    private static void assertError(HttpResponse<String> response, int status, int code, String messagePart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asInt()).isEqualTo(code);
        assertThat(body.path("message").asText()).contains(messagePart);
    }
}
