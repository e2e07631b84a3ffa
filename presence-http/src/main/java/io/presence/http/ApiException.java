package io.presence.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request that is answered with one of the {@link ApiError} codes. Thrown anywhere in a handler
 * (or completing its future) and turned into the JSON error body in one place, the edge's error
 * mapping. The message goes to the client, so it names the offending field and never internals.
 */
public final class ApiException extends RuntimeException {

    private final ApiError error;
    private final Duration retryAfter;

    private ApiException(ApiError error, String message, Duration retryAfter, Throwable cause) {
        // no stack trace: these are answers, not bugs; the cause (if any) keeps its own
        super(Objects.requireNonNull(message, "message"), cause, false, false);
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(ApiError.INVALID_PARAMETER, message, null, null);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(ApiError.UNAUTHENTICATED, message, null, null);
    }

    public static ApiException featureNotEnabled(String message) {
        return new ApiException(ApiError.FEATURE_NOT_ENABLED, message, null, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ApiError.NOT_FOUND, message, null, null);
    }

    public static ApiException rateLimited(String message, Duration retryAfter) {
        return new ApiException(ApiError.RATE_LIMITED, message, Objects.requireNonNull(retryAfter), null);
    }

    /** A dependency (Kafka, a state store) cannot serve now; the cause is logged, never sent. */
    public static ApiException unavailable(String message, Duration retryAfter, Throwable cause) {
        return new ApiException(ApiError.UNAVAILABLE, message, Objects.requireNonNull(retryAfter), cause);
    }

    public ApiError error() {
        return error;
    }

    /** When the client may try again ({@code Retry-After}); set for 42901 and 50301. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public ErrorBody body() {
        return ErrorBody.of(error, getMessage());
    }
}
