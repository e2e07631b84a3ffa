package io.presence.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.EventType;
import io.presence.avro.GeneralStatus;
import io.presence.avro.StatusChange;
import io.presence.avro.StatusNotification;
import io.presence.avro.UserStatus;
import io.presence.schemas.topics.Topic;
import io.presence.streams.app.StreamsMain;
import io.presence.streams.subscription.TestTokens;
import io.presence.testkit.ChildJvm;
import io.presence.testkit.PresenceCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * presence-streams instances killed like a crash (SIGKILL, no shutdown hook, a transaction open) while
 * gateways keep writing; one is started again on its state directory (under exactly-once its tasks'
 * state is wiped and restored from the changelogs). Every user's published changes are versions 1, 2, 3 … with none
 * missing or repeated, each notified once; timers filed before the crash fire after it; and replaying
 * the log gives exactly what was published (R-AUD-2). Its own broker, because {@code verify} replays
 * the whole log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(8);
    private static final int FLAPPING_USERS = 100;
    private static final int SILENT_USERS = 10;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String applicationId = "presence-streams-crash-it-" + run;
    private final List<String> silent = IntStream.range(0, SILENT_USERS).mapToObj(i -> "s" + i + "-" + run).toList();
    private PresenceCluster cluster;
    private LiveApp live;
    private FlappingLoad load;
    private final List<Process> running = new ArrayList<>();
    private Instant firstKillAt;
    private long silentLoginsAt;

    /**
     * Two instances with a standby of each task (the default), so the survivor of a kill takes over
     * from its standbys: A is killed, restarted on its state directory (its tasks' state wiped and
     * restored from the changelogs), then B is killed and A carries on alone.
     */
    @BeforeAll
    void killEachInstanceMidStream(@TempDir Path stateDirs) throws Exception {
        cluster = PresenceCluster.onOwnBroker();
        live = new LiveApp(cluster, applicationId);
        load = new FlappingLoad(producer(), cluster.topics().events(), run, FLAPPING_USERS);
        Process a = startApp(stateDirs.resolve("a"), "a");
        Process b = startApp(stateDirs.resolve("b"), "b");
        load.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> live.statusChanges().size() >= 2 * FLAPPING_USERS);
        silentLoginsAt = System.currentTimeMillis();
        load.loginSilently(silent, silentLoginsAt);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> live.latestStatus(silent).size() == SILENT_USERS);

        kill(a);
        firstKillAt = Instant.now();
        startApp(stateDirs.resolve("a"), "a-restarted");
        kill(b);
        Thread.sleep(3_000); // the load goes on against the one instance left
        load.stop();
        await("the app folds every event and expires every connection, those filed before the kills too")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> live.isQuiet(everyone()));
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (load != null) {
            load.stop();
        }
        for (Process process : running) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void R_AUD_2_everyUsersChangesAreEachVersionOnceAcrossTheCrash() {
        Map<String, List<Long>> versions = live.statusChanges().stream().map(ConsumerRecord::value)
                .collect(Collectors.groupingBy(StatusChange::getUserId,
                        Collectors.mapping(c -> c.getCurrent().getVersion(), Collectors.toList())));
        Map<String, UserStatus> latest = live.latestStatus(everyone());

        assertThat(versions).containsOnlyKeys(everyone());
        versions.forEach((user, published) -> {
            assertThat(published).as(user).isEqualTo(LongStream.rangeClosed(1, published.size()).boxed().toList());
            assertThat(latest.get(user).getVersion()).as(user).isEqualTo(published.size());
        });
        assertThat(versions.get(load.users().get(0)).size()).as("changes of one flapping user")
                .isGreaterThan(load.roundsSent() / 2);
    }

    @Test
    void R_NOT_1_everyChangeIsNotifiedOnceAcrossTheCrash() {
        Topic<String, StatusNotification> notifications = cluster.topics().notifications();
        List<StatusNotification> sent = TopicSnapshot.read(cluster.bootstrapServers(), notifications.name(),
                notifications.valueSerde().deserializer()).stream().map(ConsumerRecord::value)
                .filter(n -> everyone().contains(n.getUserId())).toList();
        List<String> changes = live.statusChanges().stream().map(ConsumerRecord::value)
                .map(c -> c.getUserId() + " v" + c.getCurrent().getVersion()).sorted().toList();

        assertThat(sent).allSatisfy(n -> assertThat(n.getRecipientId()).isEqualTo(n.getUserId()));
        assertThat(sent.stream().map(n -> n.getUserId() + " v" + n.getVersion()).sorted().toList())
                .isEqualTo(changes);
        assertThat(sent.stream().map(StatusNotification::getId).distinct().count()).isEqualTo(sent.size());
    }

    @Test
    void R_SES_4_connectionsFiledBeforeTheCrashExpireAfterIt() {
        assertThat(firstKillAt).as("killed before the silent connections were due")
                .isBefore(Instant.ofEpochMilli(silentLoginsAt).plus(TIMEOUT));
        List<StatusChange> changes = live.statusChanges().stream().map(ConsumerRecord::value)
                .filter(c -> silent.contains(c.getUserId())).toList();

        assertThat(changes).extracting(c -> c.getUserId() + " " + c.getCauseType() + " " + c.getCurrent().getStatus())
                .containsExactlyInAnyOrderElementsOf(silent.stream()
                        .flatMap(u -> List.of(u + " LOGIN ONLINE", u + " HEARTBEAT_EXPIRED OFFLINE").stream()).toList());
        assertThat(live.latestStatus(silent).values()).extracting(UserStatus::getStatus).containsOnly(GeneralStatus.OFFLINE);
    }

    @Test
    void R_AUD_2_replayingTheLogGivesWhatWasPublishedAcrossTheCrash() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditMain.execute(new String[] {"verify", "--bootstrap", cluster.bootstrapServers(),
                        "--registry", cluster.registryUrl(), "--no-progress", "--threads", "2"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        String report = out.toString(StandardCharsets.UTF_8);

        assertThat(code).as(report).isEqualTo(ExitCodes.OK);
        assertThat(report).startsWith("IDENTICAL").contains(" 0 mismatches");
    }

    private List<String> everyone() {
        List<String> all = new ArrayList<>(load.users());
        all.addAll(silent);
        return all;
    }

    /** presence-streams as its own JVM ({@link StreamsMain}), configured as a deployment is, healthy (RUNNING) on return. */
    private Process startApp(Path stateDir, String name) throws IOException {
        int port = freePort();
        Map<String, String> env = Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", cluster.bootstrapServers(),
                "PRESENCE_SCHEMA_REGISTRY_URL", cluster.registryUrl(),
                "PRESENCE_AUTH_SECRET", TestTokens.SECRET,
                "PRESENCE_HEARTBEAT_TIMEOUT", TIMEOUT.toSeconds() + "s",
                "PRESENCE_STREAMS_APPLICATION_ID", applicationId,
                "PRESENCE_STREAMS_PORT", Integer.toString(port),
                "PRESENCE_STREAMS_ADVERTISED_HOST", "localhost",
                "PRESENCE_STREAMS_STATE_DIR", stateDir.toString(),
                // the killed member holds its tasks until the group gives up on it: the broker's minimum
                "PRESENCE_STREAMS_SESSION_TIMEOUT", "6s");
        // failsafe runs tests from a manifest-only jar; its real class path is in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = ChildJvm.start(List.of("-Xmx512m"), classPath, StreamsMain.class.getName(), List.of(), env,
                Path.of("target", "crash-recovery-it", name + "-streams.log"), false);
        running.add(process);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return process;
    }

    /** SIGKILL: no shutdown hook, the open transaction left to be aborted, the group told nothing. */
    private void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        running.remove(process);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }
}
