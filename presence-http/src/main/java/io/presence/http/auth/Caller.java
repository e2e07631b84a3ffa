package io.presence.http.auth;

import java.time.Instant;

/**
 * A client whose token was verified: it acts only as {@code userId} (the token's {@code sub}) until
 * {@code expiresAt} (its {@code exp}) — which matters to whatever outlives the request, like a socket.
 */
public record Caller(String userId, Instant expiresAt) {
}
