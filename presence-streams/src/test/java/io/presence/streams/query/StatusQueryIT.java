package io.presence.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.PresenceEvent;
import io.presence.config.PresenceConfigLoader;
import io.presence.schemas.topics.Topic;
import io.presence.streams.app.PresenceStreamsSettings;
import io.presence.streams.app.StreamsService;
import io.presence.streams.query.routing.KeyResult;
import io.presence.streams.query.routing.Placement;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-QRY-1 and R-QRY-4 end to end: two presence-streams instances of one application (same
 * application id, own HTTP ports and state directories) on the embedded broker. Users are spread
 * over all partitions, so each instance owns some and must ask the other for the rest.
 */
@ExtendWith(PresenceClusterExtension.class)
class StatusQueryIT {

    private static final int USERS = 600;
    private static final Duration SETTLE = Duration.ofSeconds(90);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final KnownUsers users = new KnownUsers("q" + run + "-", USERS, System.currentTimeMillis() - 60_000);
    private final QueryHttp client = new QueryHttp();
    private final AtomicInteger callers = new AtomicInteger();
    private final List<QueryHttp.Answer> everyAnswer = new CopyOnWriteArrayList<>();

    @Test
    void R_QRY_4_eitherInstanceAnswersA500IdBatchAndTheSurvivorAnswersEveryIdAfterTheOtherStops(
            PresenceCluster cluster, @TempDir Path stateA, @TempDir Path stateB) throws Exception {
        // given: the users' events in the log, and two instances of one application
        assertThat(users.ids().stream().map(id -> partitionOf(id, cluster)).collect(Collectors.toSet()))
                .hasSize(cluster.layout().userPartitions());
        writeEvents(cluster);
        List<String> batch = batchOf500(users);
        List<QueryHttp.Answer> duringFailover;
        try (StreamsService a = start(cluster, stateA)) {
            StreamsService b = start(cluster, stateB);
            boolean bStopped = false;
            try {
                await().atMost(SETTLE).until(() -> a.state() == KafkaStreams.State.RUNNING && b.state() == KafkaStreams.State.RUNNING
                        && activeOwners(a).size() == 2);

                // when / then: the same batch, asked at either instance, is answered exactly, in order
                awaitExactAnswer(a, batch);
                awaitExactAnswer(b, batch);
                assertThat(internalLookupsServed(a) + internalLookupsServed(b)).isPositive();

                // given: A's standby copies of B's partitions have caught up
                await().atMost(SETTLE).until(() -> standbyCopiesAreExact(a, batch));

                // when: B stops while A is being asked all along
                try (QueryLoad load = new QueryLoad(a, batch)) {
                    b.close();
                    bStopped = true;
                    // then: after the rebalance A owns every partition and answers every id correctly from them
                    await().atMost(SETTLE).until(() -> a.state() == KafkaStreams.State.RUNNING
                            && activeOwners(a).equals(Set.of(hostOf(a))));
                    awaitExactAnswer(a, batch);
                    load.awaitMoreAnswers(3);
                    duringFailover = load.answers();
                }
            } finally {
                if (!bStopped) {
                    b.close();
                }
            }
            double byStandbys = keysAnswered(a, "standby");
            assertThat(ask(a, batch).statuses()).isEqualTo(users.expectedFor(batch));
            assertThat(keysAnswered(a, "standby")).as("keys answered by standby copies after the rebalance").isEqualTo(byStandbys);
        }

        // and: no answer at any time was a 5xx other than 50301
        assertThat(everyAnswer).allSatisfy(answer -> assertThat(answer.isOk() || answer.code() == 50301 && answer.httpStatus() == 503)
                .as(answer.body()).isTrue());
        // and: while B went away, every answer A gave was exact — stale copies included — or 50301
        assertThat(duringFailover).isNotEmpty().allSatisfy(answer -> {
            if (answer.isOk()) {
                assertThat(answer.statuses()).isEqualTo(users.expectedFor(batch));
            }
        });
    }

    private StreamsService start(PresenceCluster cluster, Path stateDir) {
        return StreamsService.start(PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", cluster.bootstrapServers(),
                "PRESENCE_SCHEMA_REGISTRY_URL", cluster.registryUrl(),
                "PRESENCE_AUTH_SECRET", TestTokens.SECRET,
                "PRESENCE_STREAMS_APPLICATION_ID", "presence-query-it-" + run,
                "PRESENCE_STREAMS_PORT", "0",
                "PRESENCE_STREAMS_ADVERTISED_HOST", "localhost",
                "PRESENCE_STREAMS_STATE_DIR", stateDir.toString(),
                "PRESENCE_STREAMS_NUM_STANDBY_REPLICAS", "1",
                "PRESENCE_STREAMS_ROCKSDB_BLOCK_CACHE_SIZE", "16MiB",
                "PRESENCE_STREAMS_ROCKSDB_WRITE_BUFFER_SIZE", "4MiB"))));
    }

    private void writeEvents(PresenceCluster cluster) throws Exception {
        Topic<String, PresenceEvent> events = cluster.topics().events();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (PresenceEvent event : users.events()) {
                producer.send(new ProducerRecord<>(events.name(), event.getUserId().getBytes(StandardCharsets.UTF_8),
                        events.valueSerde().serializer().serialize(events.name(), event)));
            }
            producer.flush();
        }
    }

    /** 450 known users and 50 never seen, shuffled: every partition and every status, in no particular order. */
    private List<String> batchOf500(KnownUsers known) {
        List<String> ids = new ArrayList<>(known.ids().subList(0, 450));
        for (int i = 0; i < 50; i++) {
            ids.add("q" + run + "-ghost" + i);
        }
        Collections.shuffle(ids, new Random(7));
        return ids;
    }

    private void awaitExactAnswer(StreamsService instance, List<String> batch) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(300)).until(() -> {
            QueryHttp.Answer answer = ask(instance, batch);
            return answer.isOk() && answer.statuses().equals(users.expectedFor(batch));
        });
    }

    /** Each call from a new caller: the rate limit on queries of others is not what this test is about. */
    private QueryHttp.Answer ask(StreamsService instance, List<String> batch) {
        QueryHttp.Answer answer = client.ask(instance.httpPort(), TestTokens.bearer("asker" + callers.incrementAndGet()), batch);
        everyAnswer.add(answer);
        return answer;
    }

    private Set<HostInfo> activeOwners(StreamsService instance) {
        return users.ids().stream().map(id -> instance.storeAccess().locate(StatusJson.USER_STATUS.name(), id))
                .filter(Placement.Located.class::isInstance).map(p -> ((Placement.Located) p).active())
                .filter(host -> !host.equals(HostInfo.unavailable())).collect(Collectors.toSet());
    }

    private boolean standbyCopiesAreExact(StreamsService instance, List<String> batch) {
        Map<Integer, List<String>> others = batch.stream().collect(Collectors.groupingBy(id -> {
            Placement placement = instance.storeAccess().locate(StatusJson.USER_STATUS.name(), id);
            return placement instanceof Placement.Located located && !located.active().equals(hostOf(instance)) ? located.partition() : -1;
        }));
        others.remove(-1);
        Map<String, KeyResult<StatusJson>> read = instance.storeAccess().read(StatusJson.USER_STATUS, others, true);
        return !read.isEmpty() && read.entrySet().stream().allMatch(e -> e.getValue() instanceof KeyResult.Found<StatusJson> found
                ? found.answer().equals(users.expectedFor(e.getKey()))
                : e.getValue() instanceof KeyResult.Absent<StatusJson> && users.expectedFor(e.getKey()).version() == 0);
    }

    private static HostInfo hostOf(StreamsService instance) {
        return instance.storeAccess().self();
    }

    private static int partitionOf(String userId, PresenceCluster cluster) {
        return Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % cluster.layout().userPartitions();
    }

    /** How many internal lookups an instance served, from its own request metrics. */
    private static double internalLookupsServed(StreamsService instance) throws Exception {
        return metric(instance, "http_server_requests_seconds_count", "/internal/v1/stores/");
    }

    /** How many keys an instance's queries had answered by {@code copy} (active, standby, none). */
    private static double keysAnswered(StreamsService instance, String copy) throws Exception {
        return metric(instance, "presence_query_keys_total", "answered_by=\"" + copy + "\"");
    }

    private static double metric(StreamsService instance, String name, String labelPart) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + instance.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(line -> line.startsWith(name) && line.contains(labelPart))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Asks an instance for the batch over and over on its own thread, keeping every answer. */
    private final class QueryLoad implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<QueryHttp.Answer> answers = new CopyOnWriteArrayList<>();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final Thread thread;

        QueryLoad(StreamsService instance, List<String> batch) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        answers.add(ask(instance, batch));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }, "query-load");
            thread.start();
        }

        void awaitMoreAnswers(int more) {
            int target = answers.size() + more;
            await().atMost(SETTLE).until(() -> answers.size() >= target);
        }

        List<QueryHttp.Answer> answers() {
            assertThat(failures).as("calls that got no HTTP answer at all").isEmpty();
            return List.copyOf(answers);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
