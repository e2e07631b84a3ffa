package io.presence.streams.query;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;

/** Client tokens as an identity provider would mint them, signed with the test secret. */
public final class TestTokens {

    public static final String SECRET = "streams-test-secret-0123456789abcdef";

    private TestTokens() {
    }

    public static String bearer(String userId) {
        return "Bearer " + JWT.create().withSubject(userId).withExpiresAt(Instant.now().plusSeconds(3600))
                .sign(Algorithm.HMAC256(SECRET));
    }
}
