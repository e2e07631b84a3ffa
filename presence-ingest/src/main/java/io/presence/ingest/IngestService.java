package io.presence.ingest;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.presence.http.EdgeSettings;
import io.presence.http.HttpEdge;
import io.presence.http.OpenApiDocument;
import io.presence.http.auth.ApiKeyVerifier;
import io.presence.http.auth.JwtVerifier;
import io.presence.http.ratelimit.SlidingWindowRateLimiter;
import io.presence.ingest.gateway.GatewayEventValidator;
import io.presence.ingest.gateway.GatewayEventsEndpoint;
import io.presence.ingest.kafka.KafkaReachability;
import io.presence.ingest.kafka.PresenceLog;
import io.presence.ingest.status.CustomStatusEndpoint;
import io.presence.ingest.subscription.SubscriptionsEndpoint;
import io.presence.schemas.topics.Topics;
import java.time.InstantSource;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * presence-ingest: HTTP in, durable Kafka writes out (SPEC §9). Built from its config, the topic
 * catalogue and a clock; {@link #routes(Javalin)} is the whole API. Stateless, so any number of
 * instances can run behind one address.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final KafkaClientMetrics producerMetrics;
    private final PresenceLog presenceLog;
    private final KafkaReachability kafka;
    private final HttpEdge edge;
    private final GatewayEventsEndpoint gatewayEvents;
    private final CustomStatusEndpoint customStatus;
    private final SubscriptionsEndpoint subscriptions;

    public IngestService(IngestConfig config, Topics topics, InstantSource clock) {
        this.config = config;
        Producer<byte[], byte[]> producer =
                PresenceLog.newProducer(config.kafka(), config.instanceId(), config.kafkaWriteTimeout());
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(metrics);
        this.presenceLog = new PresenceLog(producer, topics, config.kafkaWriteTimeout());
        this.kafka = new KafkaReachability(
                Admin.create(config.kafka().clientProperties()),
                config.healthCheckInterval());
        this.edge = new HttpEdge(new EdgeSettings(config.maxRequestBytes(), config.shutdownGrace(), config.cors()), metrics, kafka);

        ApiKeyVerifier apiKeys = ApiKeyVerifier.fromCommaSeparated(config.gatewayApiKeys());
        if (apiKeys.isEmpty()) {
            log.warn("presence.gateway.api-keys is empty: every POST /v1/events will be refused (40101)");
        }
        JwtVerifier jwt = new JwtVerifier(config.clientTokens(), metrics);
        this.gatewayEvents = new GatewayEventsEndpoint(apiKeys,
                new GatewayEventValidator(clock, config.maxClockSkew(), config.instanceId()),
                presenceLog, config.maxBatchEvents(), metrics);
        this.customStatus = new CustomStatusEndpoint(jwt, presenceLog, clock, config.instanceId());
        this.subscriptions = new SubscriptionsEndpoint(jwt, presenceLog, new SubscriptionsEndpoint.Limits(
                config.queryAndSubscribeEnabled(), config.maxSubscriptionIds(),
                new SlidingWindowRateLimiter(config.rateLimit(), clock),
                new SlidingWindowRateLimiter(config.rateLimit(), clock)), clock, config.instanceId());
        routes(edge.app());
    }

    /** The API; {@code /health} and {@code /metrics} come with the edge. */
    private void routes(Javalin app) {
        app.post("/v1/events", gatewayEvents::post);
        app.put("/v1/me/status", customStatus::put);
        app.post("/v1/me/subscriptions", subscriptions::subscribe);
        app.delete("/v1/me/subscriptions", subscriptions::unsubscribe);
        OpenApiDocument.nextTo(IngestService.class).serveOn(app);
    }

    /** Starts probing Kafka and serving on the configured port (0 picks a free one). */
    public IngestService start() {
        kafka.start();
        edge.start(config.port());
        log.info("presence-ingest listening on port {} as source '{}'", edge.port(), config.instanceId());
        return this;
    }

    public int port() {
        return edge.port();
    }

    /** Every route served, as {@code "METHOD /path"}. */
    public List<String> declaredRoutes() {
        return edge.routes();
    }

    /**
     * Stops accepting requests, lets those in flight get their Kafka acknowledgements and answers,
     * then flushes and closes the producer.
     */
    @Override
    public void close() {
        edge.close();
        presenceLog.close();
        producerMetrics.close();
        kafka.close();
        metrics.close();
        log.info("presence-ingest stopped");
    }
}
