package io.presence.bench.e2e;

import io.presence.bench.BenchRun;
import io.presence.bench.cluster.OffsetsReader;
import io.presence.bench.ingest.GatewayClient;
import io.presence.bench.ingest.InProcessIngest;
import io.presence.config.PresenceConfigLoader;
import io.presence.notifier.app.NotifierConfig;
import io.presence.notifier.app.NotifierService;
import io.presence.notifier.websocket.NotificationsEndpoint;
import io.presence.schemas.topics.Topics;
import io.presence.streams.app.PresenceStreamsSettings;
import io.presence.streams.app.StreamsService;
import java.time.Duration;
import java.util.Map;

/**
 * The contender: the three real services in the bench's JVM, each configured through the SPEC §10
 * loader as a deployment would be — ingest, presence-streams (the real topology, exactly-once v2,
 * one stream thread) and presence-notifier (no webhook) — on free ports. Streams can be restarted
 * with another commit interval; it keeps its application id and state, as a redeploy would.
 */
final class PresenceServices implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final BenchRun run;
    private final String applicationId;
    private final String authSecret;
    private final InProcessIngest ingest;
    private final NotifierService notifier;
    private StreamsService streams;

    private PresenceServices(BenchRun run, String applicationId, String authSecret, InProcessIngest ingest, NotifierService notifier) {
        this.run = run;
        this.applicationId = applicationId;
        this.authSecret = authSecret;
        this.ingest = ingest;
        this.notifier = notifier;
    }

    /** Starts the three; the streams application and the notifier's group begin at the log end, so they see only this run. */
    static PresenceServices start(BenchRun run, String applicationId, String notifierGroup, String authSecret,
                                  Duration commitInterval) throws InterruptedException {
        Topics topics = run.cluster().topics();
        for (String topic : new String[] {topics.events().name(), topics.subscriptions().name(), topics.friendships().name()}) {
            run.cluster().startGroupAt(applicationId, new OffsetsReader(run.cluster().admin(), topic).logEnd());
        }
        run.cluster().startGroupAt(notifierGroup, new OffsetsReader(run.cluster().admin(), topics.notifications().name()).logEnd());
        InProcessIngest ingest = InProcessIngest.start(run.cluster());
        NotifierService notifier = new NotifierService(NotifierConfig.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", run.cluster().bootstrap(),
                "PRESENCE_SCHEMA_REGISTRY_URL", run.cluster().registryUrl(),
                "PRESENCE_AUTH_SECRET", authSecret,
                "PRESENCE_NOTIFIER_PORT", "0",
                "PRESENCE_NOTIFIER_GROUP_ID", notifierGroup))), topics);
        PresenceServices services = new PresenceServices(run, applicationId, authSecret, ingest, notifier);
        try {
            notifier.start();
            HealthWait.await("presence-notifier", notifier.port(), START_TIMEOUT);
            services.startStreams(commitInterval);
            return services;
        } catch (RuntimeException | InterruptedException e) {
            services.close();
            throw e;
        }
    }

    GatewayClient gateway() {
        return ingest.gateway();
    }

    String notificationsUrl() {
        // the fleet starts the load only once every socket said it is served
        return "ws://127.0.0.1:" + notifier.port() + NotificationsEndpoint.PATH + "?" + NotificationsEndpoint.READY_PARAMETER + "=true";
    }

    /** presence-streams' commits so far. */
    CommitStats streamsCommits() {
        return CommitStats.of(streams.streamsMetrics());
    }

    /** Closes presence-streams and starts it again with {@code commitInterval}, from its committed offsets and state. */
    void restartStreams(Duration commitInterval) throws InterruptedException {
        streams.close();
        streams = null;
        startStreams(commitInterval);
    }

    private void startStreams(Duration commitInterval) throws InterruptedException {
        streams = StreamsService.start(PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", run.cluster().bootstrap(),
                "PRESENCE_SCHEMA_REGISTRY_URL", run.cluster().registryUrl(),
                "PRESENCE_AUTH_SECRET", authSecret,
                "PRESENCE_STREAMS_APPLICATION_ID", applicationId,
                "PRESENCE_STREAMS_PORT", "0",
                "PRESENCE_STREAMS_ADVERTISED_HOST", "localhost",
                "PRESENCE_STREAMS_STATE_DIR", run.workDir().resolve("streams").toString(),
                "PRESENCE_STREAMS_COMMIT_INTERVAL", commitInterval.toMillis() + "ms"))));
        HealthWait.await("presence-streams", streams.httpPort(), START_TIMEOUT);
    }

    @Override
    public void close() {
        if (streams != null) {
            streams.close();
        }
        notifier.close();
        ingest.close();
    }
}
