package io.presence.http;

/** The body of every error answer (SPEC §9): {@code {"code": 40001, "message": "…"}}. */
public record ErrorBody(int code, String message) {

    public static ErrorBody of(ApiError error, String message) {
        return new ErrorBody(error.code(), message);
    }
}
