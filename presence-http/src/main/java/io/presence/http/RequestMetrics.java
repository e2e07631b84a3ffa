package io.presence.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Times every request by method, route template and status ({@code http_server_requests_seconds}
 * with histogram buckets). Javalin calls a request logger once per request, after the response
 * is written, also for async handlers and error answers.
 */
final class RequestMetrics implements RequestLogger {

    /** Unmatched paths share one tag value: tagging the raw path would let any client grow the series without bound. */
    static final String UNMATCHED_ROUTE = "UNMATCHED";

    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by method, route and status")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record((long) (executionTimeMs * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    // the handler type stays BEFORE when no endpoint matched, and Javalin refuses endpointHandlerPath() then
    private static String route(Context ctx) {
        return ctx.handlerType() == HandlerType.BEFORE ? UNMATCHED_ROUTE : ctx.endpointHandlerPath();
    }
}
