package io.presence.http.auth;

/** A client whose token was verified: it acts only as {@code userId} (the token's {@code sub}). */
public record Caller(String userId) {
}
