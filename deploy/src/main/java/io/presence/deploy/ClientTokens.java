package io.presence.deploy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Duration;
import java.time.Instant;

/** Client JWTs as the deployment's identity provider would issue them (SPEC §9): HS256 with the auth secret, {@code sub} = userId. */
final class ClientTokens {

    // longer than the demo: the notifier closes a socket (4401) when the token it was opened with expires
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final Algorithm signer;

    ClientTokens(String authSecret) {
        this.signer = Algorithm.HMAC256(authSecret);
    }

    String bearer(String userId) {
        return "Bearer " + token(userId, VALIDITY);
    }

    String token(String userId, Duration validity) {
        return JWT.create().withSubject(userId).withExpiresAt(Instant.now().plus(validity)).sign(signer);
    }
}
