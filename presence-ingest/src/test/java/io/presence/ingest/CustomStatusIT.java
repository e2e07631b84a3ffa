package io.presence.ingest;

import static io.presence.ingest.IngestHttp.assertError;
import static io.presence.ingest.GatewayBodies.uniqueUser;
import static io.presence.ingest.IngestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.presence.avro.EventType;
import io.presence.avro.PresenceEvent;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code PUT /v1/me/status} (SetSelfStatus) and client authentication, over real HTTP against a real broker. */
@ExtendWith(PresenceClusterExtension.class)
class CustomStatusIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant LATER = Instant.now().plusSeconds(3600);

    private static IngestCluster cluster;
    private static IngestService ingest;
    private static IngestHttp http;

    @BeforeAll
    static void start(PresenceCluster presence) {
        cluster = IngestCluster.of(presence);
        ingest = cluster.start(Map.of(), InstantSource.fixed(NOW));
        http = new IngestHttp(ingest.port());
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @Test
    void aStatusIsLoggedForTheCallerAndAnswered202WithItsEventId() {
        String user = uniqueUser();
        HttpResponse<String> set = http.putStatus(TestTokens.bearer(user), "{\"customStatus\":\"Listening to music 🎵\"}");
        HttpResponse<String> clear = http.putStatus(TestTokens.bearer(user), "{\"customStatus\":\"\"}");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(202);
        assertThat(clear.statusCode()).as(clear.body()).isEqualTo(202);
        List<ConsumerRecord<String, PresenceEvent>> written = TopicReader.awaitRecords(cluster.bootstrap(), cluster.topics().events(), user, 2);
        PresenceEvent first = written.get(0).value();
        assertThat(written.get(0).key()).isEqualTo(user);
        assertThat(first.getType()).isEqualTo(EventType.SET_CUSTOM_STATUS);
        assertThat(first.getUserId()).isEqualTo(user);
        assertThat(first.getCustomStatus()).isEqualTo("Listening to music 🎵");
        assertThat(first.getEventId()).isEqualTo(json(set).path("eventId").asText());
        assertThat(first.getSource()).isEqualTo("ingest-it");
        assertThat(first.getTimestamp()).isEqualTo(NOW);
        assertThat(first.getDeviceId()).isNull();
        assertThat(written.get(1).value().getCustomStatus()).isEmpty();
        assertThat(written.get(1).value().getEventId()).isEqualTo(json(clear).path("eventId").asText());
    }

    @Test
    void whileTheAuthSecretIsRotatedTokensOfTheFormerSecretAreAcceptedAndCounted() {
        String former = TestTokens.SECRET;
        String fresh = "the-new-ingest-secret-0123456789abcdef";
        try (IngestService rotating = cluster.start(Map.of("PRESENCE_AUTH_SECRET", fresh, "PRESENCE_AUTH_PREVIOUS_SECRET", former),
                InstantSource.system())) {
            IngestHttp rotated = new IngestHttp(rotating.port());
            String signedBefore = "Bearer " + JWT.create().withSubject(uniqueUser()).withExpiresAt(LATER).sign(Algorithm.HMAC256(former));
            String signedAfter = "Bearer " + JWT.create().withSubject(uniqueUser()).withExpiresAt(LATER).sign(Algorithm.HMAC256(fresh));

            assertThat(rotated.putStatus(signedBefore, "{\"customStatus\":\"a\"}").statusCode()).isEqualTo(202);
            assertThat(rotated.putStatus(signedAfter, "{\"customStatus\":\"b\"}").statusCode()).isEqualTo(202);
            assertThat(rotated.get("/metrics").body()).contains("presence_auth_previous_secret_tokens_total 1.0");
            assertError(http.putStatus(signedAfter, "{\"customStatus\":\"c\"}"), 401, 40101);
        }
    }

    @Test
    void R_CUS_3_over256Utf8BytesOrControlCharactersAre40001() {
        String token = TestTokens.bearer(uniqueUser());
        assertThat(http.putStatus(token, "{\"customStatus\":\"" + "x".repeat(256) + "\"}").statusCode()).isEqualTo(202);
        assertError(http.putStatus(token, "{\"customStatus\":\"" + "x".repeat(257) + "\"}"), 400, 40001);
        assertError(http.putStatus(token, "{\"customStatus\":\"" + "音".repeat(86) + "\"}"), 400, 40001);
        assertError(http.putStatus(token, "{\"customStatus\":\"line\\nbreak\"}"), 400, 40001);
        assertError(http.putStatus(token, "{\"customStatus\":\"nul\\u0000\"}"), 400, 40001);
    }

    @Test
    void wrongBodiesAre40001() {
        String token = TestTokens.bearer(uniqueUser());
        assertError(http.putStatus(token, "{\"customStatus\":42}"), 400, 40001);
        assertError(http.putStatus(token, "{\"customStatus\":null}"), 400, 40001);
        assertError(http.putStatus(token, "{}"), 400, 40001);
        assertError(http.putStatus(token, "{\"customStatus\":\"a\",\"userId\":\"someone-else\"}"), 400, 40001);
        assertError(http.putStatus(token, "not json"), 400, 40001);
    }

    @Test
    void jwtAttacksAndMistakesAreAll40101() throws Exception {
        String user = uniqueUser();
        String body = "{\"customStatus\":\"hi\"}";
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        var keys = rsa.generateKeyPair();
        List<String> refused = List.of(
                JWT.create().withSubject(user).withExpiresAt(LATER).sign(Algorithm.none()),
                JWT.create().withSubject(user).withExpiresAt(LATER).sign(Algorithm.HMAC512(TestTokens.SECRET)),
                JWT.create().withSubject(user).withExpiresAt(LATER)
                        .sign(Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate())),
                JWT.create().withSubject(user).withExpiresAt(LATER).sign(Algorithm.HMAC256("not-the-secret")),
                JWT.create().withSubject(user).withExpiresAt(Instant.now().minusSeconds(1)).sign(Algorithm.HMAC256(TestTokens.SECRET)),
                JWT.create().withSubject(user).sign(Algorithm.HMAC256(TestTokens.SECRET)),
                JWT.create().withExpiresAt(LATER).sign(Algorithm.HMAC256(TestTokens.SECRET)),
                JWT.create().withSubject("not a user id").withExpiresAt(LATER).sign(Algorithm.HMAC256(TestTokens.SECRET)),
                "eyJhbGciOiJIUzI1NiJ9.garbage.sig",
                "");
        for (String token : refused) {
            assertError(http.putStatus("Bearer " + token, body), 401, 40101);
        }
        assertError(http.putStatus(null, body), 401, 40101);
        assertError(http.putStatus(TestTokens.validFor(user), body), 401, 40101);
        assertThat(http.putStatus(TestTokens.bearer(user), body).statusCode()).isEqualTo(202);
    }
}
