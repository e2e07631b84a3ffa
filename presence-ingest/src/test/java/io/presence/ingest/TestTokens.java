package io.presence.ingest;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;

/** Client tokens as an identity provider would mint them, signed with the test secret. */
final class TestTokens {

    static final String SECRET = "ingest-test-secret-0123456789abcdef";

    private TestTokens() {
    }

    static String validFor(String userId) {
        return JWT.create().withSubject(userId).withExpiresAt(Instant.now().plusSeconds(3600)).sign(Algorithm.HMAC256(SECRET));
    }

    static String bearer(String userId) {
        return "Bearer " + validFor(userId);
    }
}
