package io.presence.notifier.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.presence.http.EdgeSettings;
import io.presence.http.HttpEdge;
import io.presence.http.auth.JwtVerifier;
import io.presence.notifier.deadletter.DeadLetterWriter;
import io.presence.notifier.delivery.DeliveryMeters;
import io.presence.notifier.delivery.OwnedPartitions;
import io.presence.notifier.delivery.RecipientLanes;
import io.presence.notifier.delivery.VersionLedger;
import io.presence.notifier.intake.NotificationConsumer;
import io.presence.notifier.intake.PartitionOwnership;
import io.presence.notifier.membership.MemberAddress;
import io.presence.notifier.membership.PartitionOwners;
import io.presence.notifier.membership.RecipientPartitioner;
import io.presence.notifier.webhook.WebhookPush;
import io.presence.notifier.websocket.CloseReason;
import io.presence.notifier.websocket.LiveSockets;
import io.presence.notifier.websocket.NotificationsEndpoint;
import io.presence.schemas.topics.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * presence-notifier: {@code presence.notifications} in; WebSocket frames, signed webhook pushes and
 * dead letters out (SPEC §7, §9). Built from its config and the topic catalogue; {@link #start()}
 * binds the port, then joins the consumer group under the URL it advertises.
 */
public final class NotifierService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotifierService.class);
    private static final Duration KEEP_ALIVE_TICK = Duration.ofSeconds(1);

    private final NotifierConfig config;
    private final Topics topics;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // timers of the delivery path: keep-alive, webhook backoffs, lane hand-offs, dead-letter re-sends
    private final ScheduledExecutorService timers = singleThread("presence-notifier-timers");
    // the group is described on its own thread: a slow coordinator must not delay the timers
    private final ScheduledExecutorService membership = singleThread("presence-notifier-membership");
    private final OwnedPartitions owned = new OwnedPartitions();
    private final LiveSockets sockets;
    private final PartitionOwners owners;
    private final DeadLetterWriter deadLetters;
    private final RecipientLanes lanes;
    private final HttpEdge edge;
    private final KafkaClientMetrics producerMetrics;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String advertisedUrl;
    private volatile NotificationConsumer consumer;
    private KafkaClientMetrics consumerMetrics;

    public NotifierService(NotifierConfig config, Topics topics) {
        this.config = config;
        this.topics = topics;
        Clock clock = Clock.systemUTC();
        this.sockets = new LiveSockets(owned, config.sockets(), metrics);
        this.owners = new PartitionOwners(Admin.create(config.kafka().clientProperties()),
                config.intake().groupId(), topics.notifications().name(), config.membershipRefresh(), membership);
        Producer<byte[], byte[]> deadLetterProducer = DeadLetterWriter.newProducer(config.kafka(), "presence-notifier-dlq");
        this.producerMetrics = new KafkaClientMetrics(deadLetterProducer);
        producerMetrics.bindTo(metrics);
        this.deadLetters = new DeadLetterWriter(deadLetterProducer, topics.dlq().name(), timers, metrics);
        DeliveryMeters deliveryMeters = new DeliveryMeters(metrics, clock);
        this.lanes = new RecipientLanes(sockets, new WebhookPush(config.push(), timers, metrics, clock), deadLetters,
                new VersionLedger(config.deliveredVersionsMaxPairs()), owned, timers, deliveryMeters);
        deliveryMeters.bindRetryQueueDepth(metrics, lanes::waiting);
        registerGauges();
        if (config.push().webhookUrl().isEmpty()) {
            log.warn("presence.push.webhook-url is empty: notifications for recipients without a live socket are counted and dropped");
        }
        this.edge = new HttpEdge(new EdgeSettings(EdgeSettings.DEFAULT_MAX_REQUEST_BYTES, config.shutdownGrace()), metrics, this::whyNotReady);
        new NotificationsEndpoint(sockets, new RecipientPartitioner(topics.notifications().spec().partitions()), owners,
                () -> advertisedUrl).declare(edge.app(), new JwtVerifier(config.clientTokens(), metrics));
    }

    /** Serves on the configured port (0 picks a free one), then joins the consumer group. */
    public NotifierService start() {
        edge.start(config.port());
        advertisedUrl = config.advertisedUrl().isEmpty() ? "ws://" + hostName() + ":" + edge.port() : config.advertisedUrl();
        Consumer<byte[], byte[]> kafka = NotificationConsumer.newConsumer(config.kafka(),
                MemberAddress.clientIdFor(advertisedUrl), config.intake());
        consumerMetrics = new KafkaClientMetrics(kafka);
        consumerMetrics.bindTo(metrics);
        consumer = new NotificationConsumer(kafka, topics.notifications(), lanes, deadLetters, ownership(), config.intake()).start();
        owners.start();
        timers.scheduleAtFixedRate(this::keepSocketsAlive, KEEP_ALIVE_TICK.toMillis(), KEEP_ALIVE_TICK.toMillis(), TimeUnit.MILLISECONDS);
        log.info("presence-notifier listening on port {}, advertised as {}; at most {} sockets", edge.port(), advertisedUrl,
                config.sockets().maxOpen());
        return this;
    }

    public int port() {
        return edge.port();
    }

    /** The URL other instances redirect this instance's users to. */
    public String advertisedUrl() {
        return advertisedUrl;
    }

    /**
     * Stops cleanly: waits for dead letters in flight, leaves the consumer group after committing what
     * finished (its partitions, and with them its users' sockets, move to the other instances; sockets
     * here are closed so their clients reconnect), then stops serving.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // first, so dead letters in flight are acknowledged before the consumer's final commit
        deadLetters.close(config.shutdownGrace());
        if (consumer != null) {
            consumer.close(config.shutdownGrace());
        }
        lanes.abandonAll();
        sockets.closeAll(CloseReason.SHUTDOWN);
        edge.close();
        timers.shutdownNow();
        membership.shutdownNow();
        owners.close();
        producerMetrics.close();
        if (consumerMetrics != null) {
            consumerMetrics.close();
        }
        metrics.close();
        log.info("presence-notifier stopped");
    }

    private PartitionOwnership ownership() {
        return new PartitionOwnership() {
            @Override
            public void assigned(Set<Integer> partitions) {
                sockets.partitionsAssigned(partitions);
                owners.refreshSoon();
            }

            @Override
            public void revoked(Set<Integer> partitions) {
                sockets.partitionsRevoked(partitions);
                lanes.abandon(partitions);
                owners.refreshSoon();
            }
        };
    }

    private void registerGauges() {
        Gauge.builder("presence.notifier.in.flight", () -> consumer == null ? 0 : consumer.inFlight())
                .description("Notifications consumed and not finished (sent, pushed, dead-lettered); offsets above the lowest are not committed")
                .register(metrics);
        Gauge.builder("presence.notifier.partitions.owned", () -> owned.snapshot().size())
                .description("Partitions of presence.notifications this instance serves").register(metrics);
        Gauge.builder("presence.notifier.consumption.paused", () -> consumer != null && consumer.isPaused() ? 1 : 0)
                .description("1 while consuming is paused because max-in-flight notifications are unfinished").register(metrics);
    }

    // an exception escaping a periodic task would silently cancel all its later runs
    private void keepSocketsAlive() {
        try {
            sockets.keepAlive(System.nanoTime(), Instant.now());
        } catch (RuntimeException e) {
            log.error("keep-alive round failed; the next one runs in {}", KEEP_ALIVE_TICK, e);
        }
    }

    private Optional<String> whyNotReady() {
        NotificationConsumer current = consumer;
        if (current == null) {
            return Optional.of("starting");
        }
        Optional<String> failure = current.failure();
        if (failure.isPresent()) {
            return failure;
        }
        if (!current.hasJoined()) {
            return Optional.of("waiting for the first assignment in consumer group " + config.intake().groupId());
        }
        return owners.problem();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // a host whose own name does not resolve is still reachable by loopback on this machine
            return "localhost";
        }
    }

    private static ScheduledExecutorService singleThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
