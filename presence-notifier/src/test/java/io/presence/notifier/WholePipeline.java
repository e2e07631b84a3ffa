package io.presence.notifier;

import static org.awaitility.Awaitility.await;

import io.presence.ingest.IngestCluster;
import io.presence.ingest.IngestHttp;
import io.presence.ingest.IngestService;
import io.presence.notifier.app.NotifierService;
import io.presence.streams.app.StreamsService;
import io.presence.streams.app.TestStreamsSettings;
import io.presence.streams.timeout.SessionTimeouts;
import io.presence.testkit.PresenceCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Ingest, presence-streams and the notifier in-process on the test cluster, the notifier pushing to a
 * local webhook receiver: the whole pipeline, for tests that drive it only from outside. One identity
 * provider for every edge, so the token a client's socket shows the notifier also works at ingest.
 */
record WholePipeline(PresenceCluster cluster, StreamsService streams, IngestService ingest, WebhookReceiver receiver,
                     NotifierService notifier, IngestHttp http) implements AutoCloseable {

    /** Starts the three services (streams under {@code applicationId}, its state in {@code stateDir}) and waits until Streams runs. */
    static WholePipeline start(PresenceCluster presence, String applicationId, Path stateDir) {
        StreamsService streams = StreamsService.start(TestStreamsSettings.on(presence, applicationId, stateDir, SessionTimeouts.defaults()));
        IngestService ingest = IngestCluster.of(presence).start(Map.of("PRESENCE_AUTH_SECRET", TestTokens.SECRET), InstantSource.system());
        WebhookReceiver receiver = new WebhookReceiver();
        NotifierService notifier = new NotifierCluster(presence).start(NotifierCluster.pushingTo(receiver));
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return new WholePipeline(presence, streams, ingest, receiver, notifier, new IngestHttp(ingest.port()));
    }

    @Override
    public void close() {
        notifier.close();
        receiver.close();
        ingest.close();
        streams.close();
    }
}
