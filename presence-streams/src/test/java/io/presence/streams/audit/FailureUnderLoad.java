package io.presence.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.avro.GeneralStatus;
import io.presence.avro.StatusChange;
import io.presence.avro.StatusNotification;
import io.presence.avro.UserStatus;
import io.presence.schemas.topics.Topic;
import io.presence.testkit.PresenceCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What must hold after presence-streams meets a failure while gateways keep writing, whatever the
 * failure: every user's published changes are versions 1, 2, 3 … with none missing or repeated, each
 * notified once; connections that went silent just before the failure expire after it; and replaying
 * the log gives exactly what was published (R-AUD-2).
 *
 * <p>A subclass's {@code @BeforeAll} starts the app under {@link #applicationId} on a cluster of its
 * own ({@code verify} replays the whole log), calls {@link #startLoad}, {@link #loginSilentUsers},
 * causes its failure, marks it with {@link #failingNow} and ends with {@link #finishLoad}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FailureUnderLoad {

    static final Duration TIMEOUT = Duration.ofSeconds(8);
    private static final int FLAPPING_USERS = 100;
    private static final int SILENT_USERS = 10;
    private static final Duration SILENT_LEAD = Duration.ofSeconds(5);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    final String applicationId = "presence-streams-" + getClass().getSimpleName().toLowerCase() + "-" + run;
    private final List<String> silent = IntStream.range(0, SILENT_USERS).mapToObj(i -> "s" + i + "-" + run).toList();
    private PresenceCluster cluster;
    private LiveApp live;
    private FlappingLoad load;
    private Instant failedAt;
    private long silentLoginsAt;

    /** Starts the flapping users on {@code cluster}, where the app already runs, and waits until its changes flow. */
    void startLoad(PresenceCluster cluster) {
        this.cluster = cluster;
        live = new LiveApp(cluster, applicationId);
        load = new FlappingLoad(new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(),
                new ByteArraySerializer()), cluster.topics().events(), run, FLAPPING_USERS);
        load.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> live.statusChanges().size() >= 2 * FLAPPING_USERS);
    }

    /**
     * Logs the silent users in and waits until the app has published it: from now on their deadlines are
     * filed. The logins are dated {@link #SILENT_LEAD} ahead (the app accepts up to 5 minutes), so their
     * deadlines fall after the failure even when a busy machine takes seconds to publish them.
     */
    void loginSilentUsers() {
        silentLoginsAt = System.currentTimeMillis() + SILENT_LEAD.toMillis();
        load.loginSilently(silent, silentLoginsAt);
        await().atMost(SILENT_LEAD.plus(TIMEOUT).minusSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> live.latestStatus(silent).size() == SILENT_USERS);
    }

    void failingNow() {
        failedAt = Instant.now();
    }

    /** Lets the load run on for {@code more}, stops it, and waits until the app has folded it all and expired everyone. */
    void finishLoad(Duration more) throws Exception {
        Thread.sleep(more.toMillis());
        load.stop();
        await("the app folds every event and expires every connection, those filed before the failure too")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> live.isQuiet(everyone()));
    }

    @AfterAll
    void stopLoadAndCluster() throws InterruptedException {
        if (load != null) {
            load.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void R_AUD_2_everyUsersChangesAreEachVersionOnceAcrossTheFailure() {
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
    void R_NOT_1_everyChangeIsNotifiedOnceAcrossTheFailure() {
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
    void R_SES_4_connectionsFiledBeforeTheFailureExpireAfterIt() {
        assertThat(failedAt).as("failed before the silent connections were due")
                .isBefore(Instant.ofEpochMilli(silentLoginsAt).plus(TIMEOUT));
        List<StatusChange> changes = live.statusChanges().stream().map(ConsumerRecord::value)
                .filter(c -> silent.contains(c.getUserId())).toList();

        assertThat(changes).extracting(c -> c.getUserId() + " " + c.getCauseType() + " " + c.getCurrent().getStatus())
                .containsExactlyInAnyOrderElementsOf(silent.stream()
                        .flatMap(u -> List.of(u + " LOGIN ONLINE", u + " HEARTBEAT_EXPIRED OFFLINE").stream()).toList());
        assertThat(live.latestStatus(silent).values()).extracting(UserStatus::getStatus).containsOnly(GeneralStatus.OFFLINE);
    }

    @Test
    void R_AUD_2_replayingTheLogGivesWhatWasPublishedAcrossTheFailure() {
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
}
