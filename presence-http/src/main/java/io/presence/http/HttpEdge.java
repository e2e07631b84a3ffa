package io.presence.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import io.javalin.util.JavalinException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared HTTP edge of every service: a Javalin app with {@code /health}, {@code /metrics},
 * request metrics, a request body limit and the SPEC §9 error mapping already in place. A service
 * declares its own routes on {@link #app()} and starts it.
 *
 * <pre>{@code
 * HttpEdge edge = new HttpEdge(EdgeSettings.defaults(), prometheus, kafkaHealth);
 * edge.app().post("/v1/things", this::createThing);
 * edge.start(8080);
 * }</pre>
 */
public final class HttpEdge implements AutoCloseable {

    static final Duration HEALTH_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration IDLE_CONNECTION_CLOSE = Duration.ofMillis(100);
    private static final Duration CORS_PREFLIGHT_CACHE = Duration.ofMinutes(10);
    private static final int INFLATE_BUFFER_BYTES = 8192;
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(HttpEdge.class);

    private final Javalin app;
    private final Duration shutdownGrace;
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final JvmMeters jvmMeters;

    /** @param metrics the service's meters; {@code /metrics} serves them with the JVM's ({@link JvmMeters}) */
    public HttpEdge(EdgeSettings settings, PrometheusMeterRegistry metrics, ReadinessCheck readiness) {
        this.shutdownGrace = settings.shutdownGrace();
        this.jvmMeters = JvmMeters.bindTo(metrics);
        this.app = Javalin.create(config -> configure(config, settings, metrics));
        ErrorMapping.install(app, settings.maxRequestBytes());
        app.get("/health", ctx -> health(ctx, readiness));
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
    }

    /** The app to declare routes on (before {@link #start(int)}). */
    public Javalin app() {
        return app;
    }

    /** Every HTTP route declared so far, as {@code "METHOD /path"} (e.g. {@code "GET /health"}). */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /**
     * Starts serving on {@code port} (0 picks a free one) on every interface.
     *
     * @throws PortInUseException if the port is taken
     */
    public HttpEdge start(int port) {
        try {
            app.start(port);
        } catch (JavalinBindException e) {
            throw new PortInUseException(port, e);
        }
        return this;
    }

    /** The port it listens on, once started. */
    public int port() {
        return app.port();
    }

    /** Stops accepting connections, lets requests in flight finish (up to the shutdown grace), then stops. */
    @Override
    public void close() {
        Server server = app.jettyServer().server();
        // set only now: with a stop timeout, Jetty's clean-up after a failed bind hides the bind error
        server.setStopTimeout(shutdownGrace.toMillis());
        // idle keep-alive connections would otherwise hold the graceful stop for a second; busy ones are not idle
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector jetty) {
                jetty.setShutdownIdleTimeout(IDLE_CONNECTION_CLOSE.toMillis());
            }
        }
        try {
            app.stop();
        } catch (JavalinException e) {
            log.warn("HTTP server stopped, but requests still in flight after {} were cut off: {}", shutdownGrace, e.getMessage());
        } finally {
            jvmMeters.close();
        }
    }

    private void configure(JavalinConfig config, EdgeSettings settings, PrometheusMeterRegistry metrics) {
        config.showJavalinBanner = false;
        config.startupWatcherEnabled = false;
        config.http.maxRequestSize = settings.maxRequestBytes();
        // a known path asked with the wrong method is 405, not "no such route"
        config.http.prefer405over404 = true;
        config.appData(JsonInput.MAX_REQUEST_BYTES, settings.maxRequestBytes());
        config.jsonMapper(new JavalinJackson(JsonInput.mapper(), false));
        config.requestLogger.http(new RequestMetrics(metrics));
        config.jetty.modifyServletContextHandler(context -> context.insertHandler(requestInflater()));
        if (settings.cors().enabled()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                if (settings.cors().any()) {
                    rule.anyHost();
                } else {
                    List<String> origins = settings.cors().origins();
                    rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
                }
                // a page must be able to read how long to wait after a 429 or 503
                rule.exposeHeader("Retry-After");
                rule.maxAge = (int) CORS_PREFLIGHT_CACHE.toSeconds();
            }));
        }
        config.events(events -> events.handlerAdded(handler -> {
            if (handler.getHttpMethod().isHttpMethod()) {
                routes.add(handler.getHttpMethod().name() + " " + handler.getPath());
            }
        }));
    }

    /**
     * Inflates request bodies sent with {@code Content-Encoding: gzip} (a gateway's batch of 1 000 events
     * is a tenth of its size compressed); responses are left to Javalin's own compression.
     */
    private static GzipHandler requestInflater() {
        GzipHandler inflater = new GzipHandler();
        inflater.setInflateBufferSize(INFLATE_BUFFER_BYTES);
        inflater.setMinGzipSize(Integer.MAX_VALUE);
        return inflater;
    }

    private static void health(Context ctx, ReadinessCheck readiness) {
        readiness.whyNotReady().ifPresentOrElse(
                problem -> ErrorMapping.respond(ctx, ApiException.unavailable("not ready: " + problem, HEALTH_RETRY_AFTER, null)),
                () -> ctx.json(Map.of("status", "UP")));
    }
}
