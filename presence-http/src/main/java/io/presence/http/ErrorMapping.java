package io.presence.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become the SPEC §9 error body {@code {"code", "message"}}.
 * Bad input of any kind is 40001; an unexpected exception is 500 with a generic message, its
 * stack trace logged and never sent.
 */
final class ErrorMapping {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void install(Javalin app, long maxRequestBytes) {
        app.exception(ApiException.class, (e, ctx) -> answer(ctx, e));
        app.exception(JsonProcessingException.class, (e, ctx) -> answer(ctx, ApiException.invalidParameter(JsonInput.describe(e))));
        app.exception(ValidationException.class, (e, ctx) -> answer(ctx, ApiException.invalidParameter(describe(e))));
        app.exception(HttpResponseException.class, (e, ctx) -> answerJavalinResponse(ctx, e, maxRequestBytes));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("unexpected failure in {} {}", ctx.method(), ctx.path(), e);
            write(ctx, ApiError.INTERNAL.httpStatus(), ErrorBody.of(ApiError.INTERNAL, "internal error; it has been logged"));
        });
    }

    static void answer(Context ctx, ApiException e) {
        if (e.error().httpStatus() >= 500) {
            log.warn("{} {} answered {}: {}{}", ctx.method(), ctx.path(), e.error().code(), e.getMessage(),
                    e.getCause() == null ? "" : " (" + e.getCause() + ")");
        }
        respond(ctx, e);
    }

    /** Writes the error answer without logging it: for answers that are routine, like an unready {@code /health}. */
    static void respond(Context ctx, ApiException e) {
        e.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(retryAfterSeconds(wait))));
        write(ctx, e.error().httpStatus(), e.body());
    }

    /**
     * Refuses a WebSocket upgrade with the error answer. Javalin sends no body for an upgrade request
     * (its result is only written for HTTP routes), so the body is written to the response here, and
     * the remaining tasks, the upgrade among them, are skipped.
     */
    static void refuseUpgrade(Context ctx, ApiException e) throws IOException {
        ctx.skipRemainingHandlers();
        e.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(retryAfterSeconds(wait))));
        ctx.res().setStatus(e.error().httpStatus());
        ctx.res().setContentType("application/json");
        ctx.res().getOutputStream().write(JsonInput.mapper().writeValueAsBytes(e.body()));
    }

    /** Retry-After carries whole seconds; rounding down could invite a retry that is refused again. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    // Javalin's own answers (no route, body over its limit, …) follow the same scheme: code = status * 100 + 1
    private static void answerJavalinResponse(Context ctx, HttpResponseException e, long maxRequestBytes) {
        if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            answer(ctx, JsonInput.bodyTooLarge(maxRequestBytes));
        } else if (e.getStatus() == HttpStatus.NOT_FOUND.getCode()) {
            answer(ctx, ApiException.notFound("no route " + ctx.method() + " " + ctx.path()));
        } else if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            String allowed = String.join(", ", e.getDetails().getOrDefault("availableMethods", "").split(",\\s*"));
            ctx.header("Allow", allowed);
            write(ctx, e.getStatus(), new ErrorBody(e.getStatus() * 100 + 1,
                    ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allowed));
        } else {
            write(ctx, e.getStatus(), new ErrorBody(e.getStatus() * 100 + 1, e.getMessage()));
        }
    }

    private static String describe(ValidationException e) {
        return e.getErrors().entrySet().stream()
                .map(entry -> "parameter '" + entry.getKey() + "' is invalid")
                .collect(Collectors.joining("; "));
    }

    private static void write(Context ctx, int status, ErrorBody body) {
        ctx.status(status).json(body);
    }
}
