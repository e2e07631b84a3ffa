package io.presence.http.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import com.auth0.jwt.interfaces.Verification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.http.ApiException;
import io.presence.http.IdRules;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Verifies client tokens (SPEC §9): HS256 only, signed with {@code presence.auth.secret}, with an
 * {@code exp} in the future and a {@code sub} that is a valid user id; {@code iat} and {@code nbf}, if
 * present, may be up to a minute ahead of this machine's clock. Every failure is 40101.
 *
 * <p>The verifier is bound to HS256, so a token whose header names another algorithm — {@code none},
 * HS512, RS256 (the key-confusion attack) — is refused before its signature is looked at.
 *
 * <p>While {@code presence.auth.previous-secret} is set, a token whose signature the secret does not
 * verify is checked against the previous one, by the same rules, and counted
 * ({@code presence_auth_previous_secret_tokens_total}): when that count stops growing for a token
 * lifetime, nothing signed with the old secret is in use and it can be removed.
 */
public final class JwtVerifier {

    private static final String BEARER = "bearer ";
    /** How far ahead of ours the issuer's clock may be. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final JWTVerifier verifier;
    private final Optional<JWTVerifier> previous;
    private final Counter acceptedWithPrevious;

    /** Tokens signed with {@code secret}, nothing more asked (tests, tools). */
    public JwtVerifier(String secret) {
        this(ClientTokenRules.signedWith(secret), new SimpleMeterRegistry());
    }

    public JwtVerifier(ClientTokenRules rules, MeterRegistry metrics) {
        this.verifier = verifierFor(rules);
        this.previous = rules.withPreviousSecret().map(JwtVerifier::verifierFor);
        this.acceptedWithPrevious = Counter.builder("presence.auth.previous.secret.tokens")
                .description("Client tokens accepted because presence.auth.previous-secret signed them")
                .register(metrics);
    }

    private static JWTVerifier verifierFor(ClientTokenRules rules) {
        Verification required = JWT.require(Algorithm.HMAC256(rules.secret()))
                .withClaimPresence("exp")
                .withClaimPresence("sub");
        if (!rules.issuer().isEmpty()) {
            required.withIssuer(rules.issuer());
        }
        if (!rules.audience().isEmpty()) {
            required.withAudience(rules.audience());
        }
        return required
                // the login service that issues tokens runs on another machine, whose clock may be ahead of
                // ours: its iat and nbf would otherwise refuse a fresh token for as long as the skew. exp
                // stays exact: a socket is closed when its token expires.
                .acceptIssuedAt(CLOCK_SKEW.toSeconds())
                .acceptNotBefore(CLOCK_SKEW.toSeconds())
                .build();
    }

    /** Verifies the value of an {@code Authorization: Bearer <token>} header. */
    public Caller verifyBearer(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw ApiException.unauthenticated("missing Authorization header; expected 'Bearer <token>'");
        }
        if (!authorizationHeader.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw ApiException.unauthenticated("Authorization header must be 'Bearer <token>'");
        }
        return verifyToken(authorizationHeader.substring(BEARER.length()).trim());
    }

    /** Verifies a bare token (e.g. a WebSocket's {@code ?access_token=}). */
    public Caller verifyToken(String token) {
        if (token == null || token.isBlank()) {
            throw ApiException.unauthenticated("missing token");
        }
        DecodedJWT jwt;
        try {
            jwt = verified(token);
        } catch (JWTVerificationException e) {
            throw ApiException.unauthenticated(reason(e));
        }
        // the claim, not getSubject(): that one turns a numeric sub into text, and sub must be a string
        String userId = jwt.getClaim("sub").asString();
        if (!IdRules.isValidId(userId)) {
            throw ApiException.unauthenticated("token 'sub' is not a valid user id");
        }
        return new Caller(userId, jwt.getExpiresAtAsInstant());
    }

    private DecodedJWT verified(String token) {
        try {
            return verifier.verify(token);
        } catch (SignatureVerificationException e) {
            if (previous.isEmpty()) {
                throw e;
            }
            // signed with the previous secret, or not at all: its own verdict says which (and why not)
            DecodedJWT jwt = previous.get().verify(token);
            acceptedWithPrevious.increment();
            return jwt;
        }
    }

    private static String reason(JWTVerificationException e) {
        if (e instanceof AlgorithmMismatchException) {
            return "token must be signed with HS256";
        }
        if (e instanceof SignatureVerificationException) {
            return "token signature is invalid";
        }
        if (e instanceof TokenExpiredException) {
            return "token has expired";
        }
        if (e instanceof MissingClaimException missing) {
            return "token has no '" + missing.getClaimName() + "' claim";
        }
        if (e instanceof IncorrectClaimException incorrect) {
            String claim = incorrect.getClaimName();
            return "iss".equals(claim) || "aud".equals(claim)
                    ? "token claim '" + claim + "' is not the one this service requires"
                    : "token claim '" + claim + "' is not acceptable now";
        }
        if (e instanceof JWTDecodeException) {
            return "token is malformed";
        }
        return "token is invalid";
    }
}
