package io.presence.http;

import java.time.Duration;

/**
 * How a service's HTTP edge behaves beyond its routes.
 *
 * @param maxRequestBytes larger request bodies are refused with 40001 before they are parsed
 * @param shutdownGrace   how long {@link HttpEdge#close()} waits for requests in flight to finish
 * @param cors            the web origins whose pages may call the routes from a browser
 */
public record EdgeSettings(long maxRequestBytes, Duration shutdownGrace, CorsOrigins cors) {

    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    public EdgeSettings {
        if (maxRequestBytes < 1 || maxRequestBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxRequestBytes must be between 1 and 2^31-2, was " + maxRequestBytes);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative, was " + shutdownGrace);
        }
    }

    /** No cross-origin calls. */
    public EdgeSettings(long maxRequestBytes, Duration shutdownGrace) {
        this(maxRequestBytes, shutdownGrace, CorsOrigins.none());
    }

    public static EdgeSettings defaults() {
        return new EdgeSettings(DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(10));
    }

    /** These settings, answering cross-origin calls from {@code origins}. */
    public EdgeSettings withCors(CorsOrigins origins) {
        return new EdgeSettings(maxRequestBytes, shutdownGrace, origins);
    }
}
