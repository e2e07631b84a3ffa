package io.presence.registry;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.presence.config.KafkaConnection;
import io.presence.registry.catalog.RegistryError;
import io.presence.registry.catalog.RegistryException;
import io.presence.registry.catalog.SchemaLogException;
import io.presence.registry.catalog.SchemaRegistry;
import io.presence.registry.log.KafkaSchemaLog;
import io.presence.schemas.topics.TopicLayout;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry server speaking the subset of Confluent's REST API that real clients call
 * (notes/schema-registry-protocol.md §2.4), over a {@link SchemaRegistry}.
 *
 * <p>{@link #start()} binds the port first, so a port conflict shows before any wait on Kafka, then
 * loads the catalog from the log; until that is done {@code /health} says 503 and every API call is
 * answered 503, which all Confluent clients retry. The server owns the registry it is given and closes
 * it.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final Duration DEFAULT_KAFKA_TIMEOUT = Duration.ofSeconds(30);
    /** Answered even while the catalog is loading. */
    private static final Set<String> OPERATIONS_PATHS = Set.of("/health", "/metrics");
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private record Health(String status) {
    }

    private final String host;
    private final int port;
    private final SchemaRegistry registry;
    private final RegistryJson json = new RegistryJson();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Javalin app;
    private volatile boolean ready;

    /** @param port 0 picks a free port; {@link #start()} returns the bound one */
    public SchemaRegistryServer(String host, int port, SchemaRegistry registry) {
        this.host = host;
        this.port = port;
        this.registry = registry;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonBadMessageHandler(json)));
            config.requestLogger.http((ctx, millis) -> requestCounter(ctx).increment());
        });
        declareRoutes(new RegistryEndpoints(registry, json));
        mapErrors();
    }

    /**
     * A started registry whose log is the {@code _schemas} topic of {@code layout} on the given Kafka,
     * created if missing; what the testkit and local runs use.
     */
    public static SchemaRegistryServer startBackedByKafka(String bootstrap, TopicLayout layout, int port) {
        SchemaRegistryServer server = new SchemaRegistryServer("0.0.0.0", port,
                new SchemaRegistry(new KafkaSchemaLog(KafkaConnection.to(bootstrap), layout, DEFAULT_KAFKA_TIMEOUT)));
        server.start();
        return server;
    }

    /**
     * Binds, loads the catalog and returns the bound port.
     *
     * @throws JavalinBindException if the port is taken
     * @throws SchemaLogException   if the log cannot be read; the server is stopped again
     */
    public int start() {
        app.start(host, port);
        try {
            registry.load();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        ready = true;
        return app.port();
    }

    public int port() {
        return app.port();
    }

    /** The base URL clients on this machine use. */
    public String url() {
        return "http://localhost:" + app.port();
    }

    @Override
    public void close() {
        ready = false;
        app.stop();
        registry.close();
        meters.close();
    }

    private void declareRoutes(RegistryEndpoints api) {
        app.before(ctx -> {
            if (!ready && !OPERATIONS_PATHS.contains(ctx.path())) {
                throw new RegistryException(RegistryError.NOT_READY, "The schema registry is still loading its log");
            }
        });

        app.get("/", api::root);
        app.get("/health", this::health);
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(meters.scrape()));

        app.get("/schemas/types", api::schemaTypes);
        app.get("/schemas/ids/{id}", api::schemaById);
        app.get("/schemas/ids/{id}/versions", api::versionsOfSchema);
        app.get("/schemas/ids/{id}/subjects", api::subjectsOfSchema);
        app.get("/schemas/ids/{id}/schema", api::schemaTextById);

        app.get("/subjects", api::subjects);
        app.post("/subjects/{subject}", api::lookup);
        app.delete("/subjects/{subject}", api::deleteSubject);
        app.get("/subjects/{subject}/versions", api::versions);
        app.post("/subjects/{subject}/versions", api::register);
        app.get("/subjects/{subject}/versions/{version}", api::version);
        app.get("/subjects/{subject}/versions/{version}/schema", api::versionSchemaText);
        app.delete("/subjects/{subject}/versions/{version}", api::deleteVersion);

        app.get("/mode", api::mode);
        app.get("/mode/{subject}", api::mode);

        app.get("/config", api::globalLevel);
        app.put("/config", api::setGlobalLevel);
        app.get("/config/{subject}", api::subjectLevel);
        app.put("/config/{subject}", api::setSubjectLevel);
        app.delete("/config/{subject}", api::clearSubjectLevel);

        app.post("/compatibility/subjects/{subject}/versions", api::testCompatibilityWithLatest);
        app.post("/compatibility/subjects/{subject}/versions/{version}", api::testCompatibilityWithVersion);

        // Anything else, including GET /associations/... (probed by newer Confluent serdes, which fall
        // back to TopicNameStrategy on 404), is a 404 from the HttpResponseException mapping below.
    }

    /** The one place where failures become {@code {"error_code", "message"}} answers. */
    private void mapErrors() {
        app.exception(RegistryException.class, (e, ctx) -> json.replyError(ctx, e.error(), e.getMessage()));
        // Javalin's own answers: no such route (404), wrong method (405), body over the size limit (413)
        app.exception(HttpResponseException.class, (e, ctx) -> {
            String allowed = e.getDetails().get("availableMethods");
            if (allowed != null) {
                ctx.header("Allow", String.join(", ", allowed.split(",\\s*")));
            }
            json.replyError(ctx, e.getStatus(), e.getStatus(), e.getMessage());
        });
        app.exception(SchemaLogException.class, (e, ctx) -> {
            log.error("schema log failure on {} {}", ctx.method(), ctx.path(), e);
            json.replyError(ctx, RegistryError.STORE_ERROR, e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            json.replyError(ctx, RegistryError.INTERNAL_ERROR, "Internal error; see the schema registry's log");
        });
    }

    private void health(Context ctx) {
        json.reply(ctx, ready ? 200 : 503, new Health(ready ? "UP" : "DOWN"));
    }

    /**
     * Route is the matched template, never the raw path, so unknown paths cannot explode the series
     * count. A request that reached no endpoint shows the before-handler's "*" (or nothing).
     */
    private Counter requestCounter(Context ctx) {
        String matched = ctx.matchedPath();
        String route = matched.isEmpty() || matched.equals("*") ? "unmatched" : matched;
        return Counter.builder("registry.http.requests")
                .description("HTTP requests by route and status")
                .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(ctx.statusCode()))
                .register(meters);
    }
}
