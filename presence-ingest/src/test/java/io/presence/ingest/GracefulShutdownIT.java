package io.presence.ingest;

import static io.presence.ingest.GatewayBodies.events;
import static io.presence.ingest.GatewayBodies.item;
import static io.presence.ingest.GatewayBodies.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.PresenceEvent;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Closing ingest under load: requests in flight get their answers, a 200 is never given for a batch
 * that is not entirely in Kafka, and later requests are refused at the door.
 */
@ExtendWith(PresenceClusterExtension.class)
class GracefulShutdownIT {

    private static final int CLIENTS = 4;
    private static final int BATCH = 200;
    private static final int MAX_CALLS_PER_CLIENT = 500;

    @Test
    void closeAnswersRequestsInFlightAndEveryAnsweredBatchIsDurable(PresenceCluster presence) throws Exception {
        IngestCluster cluster = IngestCluster.of(presence);
        IngestService ingest = cluster.start(Map.of(), InstantSource.system());
        IngestHttp http = new IngestHttp(ingest.port());
        Map<String, Integer> statusByUser = new ConcurrentHashMap<>();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> postUntilRefused(http, statusByUser));
        }
        await().until(() -> statusByUser.size() >= CLIENTS * 2);
        ingest.close();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Map<String, Integer> answered = new HashMap<>(statusByUser);
        assertThat(answered.values()).allMatch(status -> status == 200 || status == 503, "only 200 or 503: " + answered.values());
        Map<String, Long> written = new HashMap<>();
        List<ConsumerRecord<String, PresenceEvent>> records = TopicReader.readAll(cluster.bootstrap(), cluster.topics().events(),
                r -> answered.containsKey(r.key()));
        records.forEach(r -> written.merge(r.key(), 1L, Long::sum));
        answered.forEach((user, status) -> {
            if (status == 200) {
                assertThat(written.get(user)).as("events of %s answered 200", user).isEqualTo(BATCH);
            }
        });
    }

    private static void postUntilRefused(IngestHttp http, Map<String, Integer> statusByUser) {
        for (int call = 0; call < MAX_CALLS_PER_CLIENT; call++) {
            String user = uniqueUser();
            String body = events(IntStream.range(0, BATCH).mapToObj(i -> item("HEARTBEAT", user, "d" + i, "c", null, null)).toArray(String[]::new));
            try {
                HttpResponse<String> response = http.postEvents(IngestCluster.GATEWAY_KEY, body);
                statusByUser.put(user, response.statusCode());
            } catch (UncheckedIOException refusedOrCutOff) {
                return;
            }
        }
    }
}
