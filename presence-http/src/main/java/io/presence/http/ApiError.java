package io.presence.http;

/**
 * The error codes of SPEC §9 and the HTTP status each maps to. Two more exist so that every error
 * the edge gives is JSON: an unknown route (404) and an unexpected failure (500).
 */
public enum ApiError {
    INVALID_PARAMETER(40001, 400),
    UNAUTHENTICATED(40101, 401),
    FEATURE_NOT_ENABLED(72001, 403),
    NOT_FOUND(40401, 404),
    RATE_LIMITED(42901, 429),
    INTERNAL(50001, 500),
    UNAVAILABLE(50301, 503);

    private final int code;
    private final int httpStatus;

    ApiError(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
