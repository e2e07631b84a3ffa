package io.presence.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.avro.EventType;
import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import io.presence.config.KafkaConnection;
import io.presence.streams.app.StreamsService;
import io.presence.streams.app.TestStreamsSettings;
import io.presence.streams.session.StatusTransition;
import io.presence.streams.timeout.SessionTimeouts;
import io.presence.testkit.PresenceCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit against the live app on its own broker (a whole-log verify must not see other tests'
 * apps): a generated workload with timeouts (2 s), duplicates, late and invalid events runs
 * through the live topology; the instants between phases are recorded with what
 * {@code presence.status} held then; the audit must agree with all of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<Instant, Map<String, UserStatus>> liveStatusAt = new LinkedHashMap<>();
    private PresenceCluster cluster;
    private StreamsService service;
    private AuditWorkload workload;
    private LiveApp live;

    @BeforeAll
    void runTheLiveAppOnAWorkload(@TempDir Path stateDir) throws Exception {
        cluster = PresenceCluster.onOwnBroker();
        String appId = "presence-streams-audit-it-" + run;
        service = StreamsService.start(TestStreamsSettings.on(cluster, appId, stateDir,
                new SessionTimeouts(TIMEOUT, Map.of(), Duration.ofDays(30))));
        await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
        live = new LiveApp(cluster, appId);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            workload = new AuditWorkload(producer, cluster.topics().events(), run, 12);
            long phaseOneStart = workload.phaseOne();
            recordInstant();
            workload.phaseTwo(phaseOneStart);
            recordInstant();
            workload.phaseThree();
            recordInstant();
        }
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void R_AUD_2_verifyFindsReplayIdenticalToTheLiveApp() {
        Result verify = audit("verify", "--from-beginning");

        assertThat(verify.code).as(verify.out).isEqualTo(ExitCodes.OK);
        assertThat(verify.out).startsWith("IDENTICAL").doesNotContain("MISMATCH")
                .containsPattern("IDENTICAL: [1-9][0-9]+ changes identical, 0 mismatches \\([1-9][0-9]* events skipped");
    }

    @Test
    void R_AUD_2_verifyNamesATamperedAndAnExtraRecordInACopyOfTheChanges() throws Exception {
        String copy = "audit-it.status-changes-copy-" + run;
        List<ConsumerRecord<String, StatusChange>> published = live.statusChanges();
        StatusChange tampered = published.stream().map(ConsumerRecord::value)
                .filter(c -> c.getUserId().equals(workload.users().get(3)) && c.getCurrent().getVersion() == 2)
                .findFirst().orElseThrow();
        live.copyWithChanges(published, copy, tampered, workload.users().get(4));

        Result verify = audit("verify", "--status-changes-topic", copy);

        assertThat(verify.code).as(verify.out).isEqualTo(ExitCodes.MISMATCH);
        assertThat(verify.out).contains("MISMATCH user=" + workload.users().get(3) + " version=2: differs",
                "MISMATCH user=" + workload.users().get(4) + " version=99: published but not produced by the replay",
                "DIFFERENT:", " 2 mismatches");
    }

    @Test
    void R_AUD_1_statusAtEachRecordedInstantEqualsWhatTheLiveStatusHeldThen() {
        assertThat(liveStatusAt).hasSize(3);
        for (var instant : liveStatusAt.entrySet()) {
            Map<String, UserStatus> replayed = new HashMap<>();
            try (AuditCluster audit = AuditCluster.connect(KafkaConnection.to(cluster.bootstrapServers()), cluster.registryUrl())) {
                new StatusAtReplay(audit, cluster.topics().events().name(), 2).run(instant.getKey(),
                        new HashSet<>(workload.users()), ProgressDisplay.none(),
                        records -> records.forEach(r -> replayed.put(r.getUserId(), r)));
            }
            assertThat(replayed).as("status at " + instant.getKey()).isEqualTo(instant.getValue());
        }
    }

    @Test
    void R_AUD_1_statusAtForEveryUserPrintsEachUserOnce() {
        Instant last = liveStatusAt.keySet().stream().reduce((a, b) -> b).orElseThrow();

        Result csv = audit("status-at", "--at", last.toString(), "--format", "csv");

        assertThat(csv.code).isZero();
        for (String user : workload.users()) {
            assertThat(csv.out).containsOnlyOnce("\"" + user + "\",");
        }
    }

    @Test
    void R_AUD_1_historyListsEveryChangeOfAUserWithItsCause() {
        String user = workload.users().get(7); // went silent twice: two expiries
        List<StatusTransition> history = new ArrayList<>();
        try (AuditCluster audit = AuditCluster.connect(KafkaConnection.to(cluster.bootstrapServers()), cluster.registryUrl())) {
            new HistoryReplay(audit, cluster.topics().events().name()).run(user, TimeWindow.all(), ProgressDisplay.none(), history::add);
        }
        List<StatusChange> published = live.statusChanges().stream().map(ConsumerRecord::value)
                .filter(c -> c.getUserId().equals(user)).toList();

        assertThat(history).extracting(t -> t.cause().eventId())
                .containsExactlyElementsOf(published.stream().map(StatusChange::getCauseEventId).toList());
        assertThat(published).extracting(StatusChange::getCauseType).contains(EventType.HEARTBEAT_EXPIRED);
        Result cli = audit("history", "--user", user);
        assertThat(cli.out.lines()).hasSize(published.size()).allMatch(line -> line.contains(" cause "));
        assertThat(cli.out).contains("cause HEARTBEAT_EXPIRED", "ONLINE -> OFFLINE", "connection=c2");

        Result nobody = audit("history", "--user", "never-seen-" + user);
        assertThat(nobody.out).isEmpty();
        assertThat(nobody.err).contains("no change of never-seen-" + user + "'s status");
    }

    @Test
    void R_NOT_1_notificationsListsWhatARecipientWasSentOneSelfNotificationPerChangeInVersionOrder() {
        String user = workload.users().get(7);
        List<Long> changed = live.statusChanges().stream().map(ConsumerRecord::value)
                .filter(c -> c.getUserId().equals(user)).map(c -> c.getCurrent().getVersion()).toList();

        Result table = audit("notifications", "--recipient", user, "--user", user);
        Result json = audit("notifications", "--recipient", user, "--format", "json");

        assertThat(table.code).isZero();
        assertThat(table.out.lines().skip(1)).hasSize(changed.size()).allMatch(line -> line.contains(" SELF "));
        assertThat(table.err).contains(changed.size() + " notifications to " + user);
        List<JsonNode> sent = json.out.lines().map(AuditIT::json).toList();
        assertThat(sent).filteredOn(n -> n.path("userId").asText().equals(user)).extracting(n -> n.path("version").asLong())
                .containsExactlyElementsOf(changed);
        assertThat(sent).filteredOn(n -> n.path("userId").asText().equals(user)).allSatisfy(n -> {
            assertThat(n.path("recipientId").asText()).isEqualTo(user);
            assertThat(n.path("id").asText()).isEqualTo(user + ":" + n.path("version").asLong() + ":" + user);
            assertThat(n.has("devices")).isFalse();
        });
    }

    @Test
    void R_AUD_1_historyWindowAndJsonStatusAtAnswerForOneUser() throws Exception {
        String user = workload.users().get(7);
        Instant firstInstant = liveStatusAt.keySet().iterator().next();
        long publishedAfter = live.statusChanges().stream().map(ConsumerRecord::value)
                .filter(c -> c.getUserId().equals(user) && !c.getAt().isBefore(firstInstant)).count();

        Result window = audit("history", "--user", user, "--from", firstInstant.toString());
        Result json = audit("status-at", "--at", firstInstant.toString(), "--user", user, "--format", "json");

        assertThat(window.out.lines()).hasSize((int) publishedAfter).isNotEmpty();
        var records = new ObjectMapper().readTree(json.out);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("userId").asText()).isEqualTo(user);
        assertThat(records.get(0).get("version").asLong())
                .isEqualTo(liveStatusAt.get(firstInstant).get(user).getVersion());
    }

    @Test
    void aWrongBootstrapOrAMissingTopicIsOneClearLineAndExitCode3() {
        Result wrongBootstrap = audit("verify", "--bootstrap", "localhost:1");
        Result missingTopic = audit("verify", "--status-changes-topic", "no-such-topic-" + run);

        assertThat(wrongBootstrap.code).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(wrongBootstrap.err).startsWith("presence-audit: cannot reach Kafka at localhost:1").doesNotContain("\tat ");
        assertThat(missingTopic.code).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(missingTopic.err).contains("topic no-such-topic-" + run + " does not exist");
    }

    /** Waits until the app has folded everything and no expiry is pending, then records now and presence.status. */
    private void recordInstant() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> live.isQuiet(workload.users()));
        Instant at = Instant.now();
        liveStatusAt.put(at, live.latestStatus(workload.users()));
        // the next phase's records must be stamped after the recorded instant
        await().until(() -> System.currentTimeMillis() > at.toEpochMilli() + 1);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Result(int code, String out, String err) {
    }

    private Result audit(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--bootstrap")) {
            all.addAll(List.of("--bootstrap", cluster.bootstrapServers()));
        }
        all.addAll(List.of("--registry", cluster.registryUrl(), "--no-progress"));
        // only the commands that replay every partition take it
        if (List.of("status-at", "verify").contains(args[0])) {
            all.addAll(List.of("--threads", "2"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditMain.execute(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
