package io.presence.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.typesafe.config.ConfigException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.http.ApiError;
import io.presence.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final String SECRET = "test-secret-of-at-least-32-bytes-length!";
    private static final Instant IN_AN_HOUR = Instant.now().plusSeconds(3600);

    private final JwtVerifier verifier = new JwtVerifier(SECRET);

    @Test
    void aValidHs256TokenGivesItsSubjectAsTheCaller() {
        String token = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR).sign(Algorithm.HMAC256(SECRET));
        // exp has whole seconds: a socket opened with it is closed when it passes
        assertThat(verifier.verifyBearer("Bearer " + token)).isEqualTo(new Caller("alice", IN_AN_HOUR.truncatedTo(ChronoUnit.SECONDS)));
        assertThat(verifier.verifyToken(token).userId()).isEqualTo("alice");
    }

    @Test
    void algNoneIsRefused() {
        String token = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR).sign(Algorithm.none());
        assertRefused(token, "HS256");
    }

    @Test
    void anotherHmacAlgorithmIsRefusedEvenWithTheRightSecret() {
        String token = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR).sign(Algorithm.HMAC512(SECRET));
        assertRefused(token, "HS256");
    }

    @Test
    void rs256IsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String token = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR)
                .sign(Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate()));
        assertRefused(token, "HS256");
    }

    @Test
    void rs256HeaderOnAnHmacSignatureIsRefused() throws Exception {
        // the key-confusion attack: claim RS256 and sign with the HMAC secret as if it were a public key
        String token = signManually("{\"alg\":\"RS256\",\"typ\":\"JWT\"}",
                "{\"sub\":\"alice\",\"exp\":" + IN_AN_HOUR.getEpochSecond() + "}");
        assertRefused(token, "HS256");
    }

    @Test
    void aBadSignatureIsRefused() {
        String token = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR).sign(Algorithm.HMAC256("another-secret"));
        assertRefused(token, "signature");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String token = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR).sign(Algorithm.HMAC256(SECRET));
        String[] parts = token.split("\\.");
        String forged = base64("{\"sub\":\"mallory\",\"exp\":" + IN_AN_HOUR.getEpochSecond() + "}");
        assertRefused(parts[0] + "." + forged + "." + parts[2], "signature");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = JWT.create().withSubject("alice").withExpiresAt(Instant.now().minusSeconds(5)).sign(Algorithm.HMAC256(SECRET));
        assertRefused(token, "expired");
    }

    @Test
    void aTokenIssuedByAServerWhoseClockIsAheadIsAcceptedWithinAMinute() {
        // the login service's clock runs 20 s ahead of ours: its iat and nbf are "in the future" here
        Instant theirNow = Instant.now().plusSeconds(20);
        String token = JWT.create().withSubject("alice").withIssuedAt(theirNow).withNotBefore(theirNow)
                .withExpiresAt(IN_AN_HOUR).sign(Algorithm.HMAC256(SECRET));

        assertThat(verifier.verifyToken(token).userId()).isEqualTo("alice");
    }

    @Test
    void aTokenNotValidForMinutesYetIsRefused() {
        Instant later = Instant.now().plusSeconds(600);
        String token = JWT.create().withSubject("alice").withNotBefore(later).withExpiresAt(IN_AN_HOUR).sign(Algorithm.HMAC256(SECRET));

        assertRefused(token, "'nbf'");
    }

    @Test
    void aTokenWithoutExpIsRefused() {
        String token = JWT.create().withSubject("alice").sign(Algorithm.HMAC256(SECRET));
        assertRefused(token, "'exp'");
    }

    @Test
    void aTokenWithoutSubIsRefused() {
        String token = JWT.create().withExpiresAt(IN_AN_HOUR).sign(Algorithm.HMAC256(SECRET));
        assertRefused(token, "'sub'");
    }

    @Test
    void aSubThatIsNotAValidUserIdIsRefused() {
        String token = JWT.create().withSubject("alice smith").withExpiresAt(IN_AN_HOUR).sign(Algorithm.HMAC256(SECRET));
        assertRefused(token, "'sub'");
        String numeric = signManually("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":42,\"exp\":" + IN_AN_HOUR.getEpochSecond() + "}");
        assertRefused(numeric, "token");
    }

    @Test
    void malformedTokensAreRefused() {
        assertRefused("not-a-jwt", "malformed");
        assertRefused("a.b.c", "malformed");
        assertRefused("", "missing");
    }

    @Test
    void aMissingOrNonBearerHeaderIsRefused() {
        assertThatThrownBy(() -> verifier.verifyBearer(null)).isInstanceOf(ApiException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> verifier.verifyBearer("Basic YWxpY2U6cHc=")).isInstanceOf(ApiException.class)
                .hasMessageContaining("Bearer");
    }

    @Test
    void anEmptySecretIsAConfigurationError() {
        assertThatThrownBy(() -> new JwtVerifier("")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("presence.auth.secret").hasMessageContaining("PRESENCE_AUTH_SECRET");
    }

    @Test
    void whenAnIssuerAndAudienceAreRequiredATokenMustCarryBoth() {
        JwtVerifier strict = new JwtVerifier(new ClientTokenRules(SECRET, "https://login.example.com", "presence", ""), new SimpleMeterRegistry());
        Algorithm signing = Algorithm.HMAC256(SECRET);
        String ours = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR)
                .withIssuer("https://login.example.com").withAudience("presence").sign(signing);
        String forTheCalendar = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR)
                .withIssuer("https://login.example.com").withAudience("calendar").sign(signing);
        String fromElsewhere = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR)
                .withIssuer("https://other.example.com").withAudience("presence").sign(signing);
        String bare = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR).sign(signing);

        assertThat(strict.verifyToken(ours).userId()).isEqualTo("alice");
        for (String refused : List.of(forTheCalendar, fromElsewhere, bare)) {
            assertThatThrownBy(() -> strict.verifyToken(refused))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.UNAUTHENTICATED))
                    .hasMessageMatching("token (claim '(iss|aud)' is not the one this service requires|has no '(iss|aud)' claim)");
        }
        assertThat(verifier.verifyToken(ours).userId()).as("not required, not checked").isEqualTo("alice");
    }

    @Test
    void whileRotatingTokensSignedWithThePreviousSecretAreAcceptedAndCounted() {
        String former = "the-former-secret-of-at-least-32-bytes!!";
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        JwtVerifier rotating = new JwtVerifier(new ClientTokenRules(SECRET, "", "", former), metrics);
        String signedBefore = JWT.create().withSubject("alice").withExpiresAt(IN_AN_HOUR).sign(Algorithm.HMAC256(former));
        String signedAfter = JWT.create().withSubject("bob").withExpiresAt(IN_AN_HOUR).sign(Algorithm.HMAC256(SECRET));

        assertThat(rotating.verifyToken(signedBefore).userId()).isEqualTo("alice");
        assertThat(rotating.verifyToken(signedAfter).userId()).isEqualTo("bob");
        assertThat(metrics.get("presence.auth.previous.secret.tokens").counter().count()).isEqualTo(1);
        assertRefused(signedBefore, "signature is invalid");
    }

    @Test
    void aTokenSignedWithThePreviousSecretMeetsTheSameRules() {
        String former = "the-former-secret-of-at-least-32-bytes!!";
        JwtVerifier rotating = new JwtVerifier(new ClientTokenRules(SECRET, "", "presence", former), new SimpleMeterRegistry());
        String expired = JWT.create().withSubject("alice").withAudience("presence").withExpiresAt(Instant.now().minusSeconds(5))
                .sign(Algorithm.HMAC256(former));
        String forTheCalendar = JWT.create().withSubject("alice").withAudience("calendar").withExpiresAt(IN_AN_HOUR)
                .sign(Algorithm.HMAC256(former));
        String signedWithNeither = JWT.create().withSubject("alice").withAudience("presence").withExpiresAt(IN_AN_HOUR)
                .sign(Algorithm.HMAC256("some-other-secret-of-at-least-32-bytes!!"));

        assertThatThrownBy(() -> rotating.verifyToken(expired)).hasMessageContaining("token has expired");
        assertThatThrownBy(() -> rotating.verifyToken(forTheCalendar)).hasMessageContaining("claim 'aud'");
        assertThatThrownBy(() -> rotating.verifyToken(signedWithNeither)).hasMessageContaining("signature is invalid");
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verifyBearer("Bearer " + token))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.UNAUTHENTICATED))
                .hasMessageContaining(reason);
    }

    private static String signManually(String header, String payload) {
        try {
            String signingInput = base64(header) + "." + base64(payload);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
