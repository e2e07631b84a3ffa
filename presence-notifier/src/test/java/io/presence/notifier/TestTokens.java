package io.presence.notifier;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;

/** Client tokens as an identity provider would mint them. */
final class TestTokens {

    static final String SECRET = "notifier-test-secret-0123456789abcdef";

    private TestTokens() {
    }

    static String validFor(String userId) {
        return signed(userId, Instant.now().plusSeconds(3600), SECRET);
    }

    static String signed(String userId, Instant expiresAt, String secret) {
        return JWT.create().withSubject(userId).withExpiresAt(expiresAt).sign(Algorithm.HMAC256(secret));
    }
}
