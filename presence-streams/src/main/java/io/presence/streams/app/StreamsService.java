package io.presence.streams.app;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.presence.http.EdgeSettings;
import io.presence.http.HttpEdge;
import io.presence.http.OpenApiDocument;
import io.presence.http.auth.JwtVerifier;
import io.presence.schemas.PlatformBootstrap;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.topics.Topics;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.metrics.StoreMetricTags;
import io.presence.streams.query.QueryApi;
import io.presence.streams.query.routing.KafkaStreamsStoreAccess;
import io.presence.streams.query.routing.StoreAccess;
import io.presence.streams.subscription.MySubscriptionsEndpoint;
import io.presence.streams.subscription.RoutedLedgerLookup;
import io.presence.streams.topology.PresenceTopology;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence-streams service: the topology running in Kafka Streams, with the query API
 * ({@code POST /v1/status:query}, {@code GET /v1/me/subscriptions} and the instances' internal lookup), {@code /health} (200 only
 * while Streams is RUNNING) and {@code /metrics} (Kafka Streams' metrics through Micrometer, plus
 * the topology's own) on the shared HTTP edge.
 */
public final class StreamsService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsService.class);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration METRICS_REFRESH = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ScheduledExecutorService metricsRefresh = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "presence-metrics-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final ConsumerLagBacklog backlog = new ConsumerLagBacklog();
    private final CompletableFuture<Void> failed = new CompletableFuture<>();
    private final RocksDbMemory rocksDbMemory;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final HttpEdge http;
    private final StoreAccess storeAccess;

    private StreamsService(PresenceStreamsSettings settings) {
        metrics.config().meterFilter(new StoreMetricTags());
        // registering the schemas also fills the client's id cache, so stream threads never call the registry to write
        Topics topics = PlatformBootstrap.prepare(settings.kafka(), settings.topics(),
                new SchemaRegistryClient(settings.registryUrl()), SETUP_TIMEOUT);
        PresenceMeters meters = new PresenceMeters(metrics);
        rocksDbMemory = new RocksDbMemory(settings.blockCacheBytes(), settings.writeBufferBytes());
        // HTTP before Streams: application.server must name the port actually bound, and Streams takes it at construction
        try {
            http = new HttpEdge(EdgeSettings.defaults().withCors(settings.query().cors()), metrics, this::whyNotReady).start(settings.port());
        } catch (RuntimeException e) {
            rocksDbMemory.close();
            throw e;
        }
        HostInfo self = settings.query().advertisedServer(http.port());
        try {
            streams = new KafkaStreams(
                    PresenceTopology.build(settings.topology(), topics, meters, backlog),
                    ServiceStreamsConfig.properties(settings, meters, rocksDbMemory, self));
        } catch (RuntimeException e) {
            http.close();
            rocksDbMemory.close();
            throw e;
        }
        // store metrics appear only when a task opens its stores: look for them every 10 s, not Micrometer's 60 s
        streamsMetrics = new KafkaStreamsMetrics(streams, Tags.empty(), metricsRefresh, METRICS_REFRESH);
        streamsMetrics.bindTo(metrics);
        storeAccess = new KafkaStreamsStoreAccess(streams, self);
        QueryApi queryApi = new QueryApi(settings.query(), storeAccess, metrics, InstantSource.system());
        queryApi.routes(http.app());
        new MySubscriptionsEndpoint(new JwtVerifier(settings.query().clientTokens(), metrics),
                new RoutedLedgerLookup(queryApi.keyLookup(), settings.query().unavailableRetryAfter()))
                .declareOn(http.app());
        OpenApiDocument.nextTo(StreamsService.class).serveOn(http.app());
        backlog.startSampling(streams::metrics, settings.topology().detector().tick());
        streams.setUncaughtExceptionHandler(new StreamThreadFailures());
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                failed.complete(null);
            }
        });
        streams.start();
        log.info("presence-streams {} started; HTTP on port {}, reachable by other instances at {}:{}",
                settings.applicationId(), http.port(), self.host(), self.port());
    }

    /** Creates the topics and public schemas if missing, then starts Streams and the HTTP edge. */
    public static StreamsService start(PresenceStreamsSettings settings) {
        return new StreamsService(settings);
    }

    public int httpPort() {
        return http.port();
    }

    /** Every HTTP route served, as {@code "METHOD /path"}. */
    public List<String> declaredRoutes() {
        return http.routes();
    }

    /**
     * This instance's own store copies and the key placement, as the query API reads them
     * (presence-bench's query scenario reads them for its baseline).
     */
    public StoreAccess storeAccess() {
        return storeAccess;
    }

    /** Kafka Streams' own metrics (benchmarks read the stream thread's commits from them). */
    public Map<MetricName, ? extends Metric> streamsMetrics() {
        return streams.metrics();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Completes (on a Kafka Streams thread) when Streams has stopped after a failure it does not recover
     * from by itself ({@link StreamThreadFailures}): the instance serves nothing any more and should be
     * restarted, from the last commit.
     */
    public CompletableFuture<Void> failure() {
        return failed;
    }

    private Optional<String> whyNotReady() {
        // the edge serves /health while Kafka Streams is still being built
        KafkaStreams built = streams;
        if (built == null) {
            return Optional.of("Kafka Streams is being set up");
        }
        KafkaStreams.State state = built.state();
        return state == KafkaStreams.State.RUNNING ? Optional.empty() : Optional.of("Kafka Streams is " + state);
    }

    /**
     * Leaves the consumer group at once, so this instance's partitions — and their timers — move
     * to another instance now rather than after the session timeout.
     */
    @Override
    public void close() {
        long start = System.nanoTime();
        log.info("stopping presence-streams");
        http.close();
        closeStreams();
        log.info("presence-streams stopped in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private void closeStreams() {
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        backlog.close();
        streamsMetrics.close();
        metricsRefresh.shutdownNow();
        if (closed) {
            rocksDbMemory.close();
        } else {
            // stores may still be open: freeing their shared cache now could crash the JVM
            log.warn("Kafka Streams did not close within {}; its RocksDB memory is left to the process exit", CLOSE_TIMEOUT);
        }
    }
}
