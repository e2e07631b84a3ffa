package io.presence.notifier;

import static io.presence.ingest.GatewayBodies.events;
import static io.presence.ingest.GatewayBodies.item;
import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.presence.ingest.IngestCluster;
import io.presence.notifier.PromQlSelectors.Selector;
import io.presence.streams.app.CommittedLag;
import io.presence.streams.query.QueryHttp;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/observability as an operator deploys it: Prometheus scrapes every service, and the Grafana
 * dashboard and the alert rules query only metrics the services really expose, under the job that
 * exposes them. The services run in-process on the embedded broker and see a little real traffic
 * first — a user's day at the gateway watched on a WebSocket, a subscriber pushed to a webhook that
 * refuses each first attempt, a status query — so that meters registered on first use exist too.
 */
@ExtendWith(PresenceClusterExtension.class)
class ObservabilityIT {

    // Failsafe runs in the module directory; these are the files the compose file mounts
    private static final Path OBSERVABILITY = Path.of("../deploy/observability");
    private static final Path PROMETHEUS_CONFIG = OBSERVABILITY.resolve("prometheus/prometheus.yml");
    private static final Path ALERT_RULES = OBSERVABILITY.resolve("prometheus/alerts.yml");
    private static final Path DASHBOARD = OBSERVABILITY.resolve("grafana/dashboards/presence.json");

    private static final String DATASOURCE_UID = "prometheus";
    private static final Set<String> SEVERITIES = Set.of("critical", "warning");
    /** Series Prometheus records for every target itself; no service exposes them. */
    private static final Set<String> RECORDED_BY_PROMETHEUS = Set.of("up");
    /** The scrape targets of the compose setup, by job: the services' default ports (README). */
    private static final Map<String, String> COMPOSE_TARGETS = Map.of(
            "schema-registry", "schema-registry:8081", "ingest", "ingest:8080", "streams", "streams:8083", "notifier", "notifier:8082");
    private static final String APPLICATION_ID = unique("presence-streams-observability-it");
    private static final Duration WAIT = Duration.ofSeconds(30);
    // Kafka Streams' store and task metrics are bound on a 10 s refresh after their task opens
    private static final Duration METRICS_BOUND = Duration.ofSeconds(60);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A PromQL expression and where an operator would find it. */
    private record Query(String source, String expr) {
    }

    private static WholePipeline pipeline;
    private static Map<String, Integer> portsByJob;

    @BeforeAll
    static void startAndDriveTraffic(PresenceCluster presence, @TempDir Path stateDir) {
        pipeline = WholePipeline.start(presence, APPLICATION_ID, stateDir);
        // each push fails once before it is accepted, so the failure series exist as well
        Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
        pipeline.receiver().answer(body -> refusedOnce.add(body.path("id").asText()) ? 503 : 200);
        portsByJob = Map.of("schema-registry", URI.create(presence.registryUrl()).getPort(), "ingest", pipeline.ingest().port(),
                "streams", pipeline.streams().httpPort(), "notifier", pipeline.notifier().port());
        liveADayWatchedAndPushed();
        // the GC pause timer appears with the first collection the JVM reports; a short test may see none
        System.gc();
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void prometheusScrapesEveryServiceAtItsComposeAddressAndLoadsTheAlertRules() {
        JsonNode config = yaml(PROMETHEUS_CONFIG);

        assertThat(config.path("rule_files")).extracting(JsonNode::asText).containsExactly(ALERT_RULES.getFileName().toString());
        Map<String, String> targets = new TreeMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText()).as(job.path("job_name").asText()).isEqualTo("/metrics");
            job.path("static_configs").forEach(group -> group.path("targets")
                    .forEach(target -> targets.put(job.path("job_name").asText(), target.asText())));
        }
        assertThat(targets).isEqualTo(COMPOSE_TARGETS);
        assertThat(portsByJob.keySet()).as("every job is scraped below").isEqualTo(COMPOSE_TARGETS.keySet());
    }

    @Test
    void everyDashboardPanelQueriesThePrometheusDatasource() {
        JsonNode dashboard = json(DASHBOARD);

        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
        List<JsonNode> panels = queryingPanels(dashboard.path("panels"));
        assertThat(panels).isNotEmpty();
        List<String> flaws = new ArrayList<>();
        for (JsonNode panel : panels) {
            String title = "panel \"" + panel.path("title").asText() + "\"";
            if (!panel.path("datasource").path("uid").asText().equals(DATASOURCE_UID)) {
                flaws.add(title + ": datasource " + panel.path("datasource"));
            }
            if (panel.path("targets").isEmpty()) {
                flaws.add(title + ": no query");
            }
            for (JsonNode target : panel.path("targets")) {
                if (!target.path("datasource").path("uid").asText().equals(DATASOURCE_UID)) {
                    flaws.add(title + " " + target.path("refId").asText() + ": datasource " + target.path("datasource"));
                }
                if (target.path("expr").asText().isBlank()) {
                    flaws.add(title + " " + target.path("refId").asText() + ": no expr");
                }
            }
        }
        assertThat(flaws).isEmpty();
    }

    @Test
    void everyAlertRuleSaysHowSevereItIsAndWhatToCheck() {
        List<JsonNode> rules = alertRules();

        assertThat(rules).isNotEmpty();
        assertThat(rules).extracting(rule -> rule.path("alert").asText()).doesNotContain("").doesNotHaveDuplicates();
        List<String> flaws = new ArrayList<>();
        for (JsonNode rule : rules) {
            String alert = "alert " + rule.path("alert").asText();
            Map<String, JsonNode> required = Map.of("expr", rule.path("expr"), "for", rule.path("for"),
                    "annotations.summary", rule.path("annotations").path("summary"),
                    "annotations.description", rule.path("annotations").path("description"));
            required.forEach((field, value) -> {
                if (value.asText().isBlank()) {
                    flaws.add(alert + ": no " + field);
                }
            });
            String severity = rule.path("labels").path("severity").asText();
            if (!SEVERITIES.contains(severity)) {
                flaws.add(alert + ": labels.severity is \"" + severity + "\", not one of " + SEVERITIES);
            }
        }
        assertThat(flaws).isEmpty();
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsExposedByTheJobTheyName() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : queryingPanels(json(DASHBOARD).path("panels"))) {
            panel.path("targets").forEach(target ->
                    queries.add(new Query("panel \"" + panel.path("title").asText() + "\"", target.path("expr").asText())));
        }
        alertRules().forEach(rule -> queries.add(new Query("alert " + rule.path("alert").asText(), rule.path("expr").asText())));

        await().atMost(METRICS_BOUND).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(unexposed(queries, exposedByJob())).as("metrics queried that no scrape shows").isEmpty());
    }

    @Test
    void theStreamsStateAlertAndPanelReadRunningAsKafkaReportsIt() {
        double running = Metrics.value(pipeline.streams().httpPort(), "kafka_stream_client_state");

        JsonNode notRunning = alertRules().stream().filter(rule -> rule.path("alert").asText().equals("PresenceStreamsNotRunning"))
                .findFirst().orElseThrow();
        assertThat(notRunning.path("expr").asText()).endsWith("!= " + (int) running);
        JsonNode statePanel = queryingPanels(json(DASHBOARD).path("panels")).stream()
                .filter(panel -> panel.path("title").asText().equals("Kafka Streams state")).findFirst().orElseThrow();
        assertThat(statePanel.path("fieldConfig").path("defaults").path("mappings").path(0).path("options")
                .path(Integer.toString((int) running)).path("text").asText()).isEqualTo(KafkaStreams.State.RUNNING.name());
    }

    /**
     * LOGIN, a HEARTBEAT, a custom status and a DISCONNECT over ingest's HTTP; the user watches on a
     * socket while a subscriber without one is pushed to; then somebody asks streams for the status.
     */
    private static void liveADayWatchedAndPushed() {
        String target = unique("target");
        String subscriber = unique("subscriber");
        try (TestSocket socket = TestSocket.open(pipeline.notifier().port(), target).awaitReady()) {
            HttpResponse<String> subscribed = pipeline.http().subscribe("Bearer " + TestTokens.validFor(subscriber),
                    "{\"userIds\":[\"" + target + "\"]}");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(202);
            CommittedLag.awaitNone(pipeline.cluster(), APPLICATION_ID, WAIT, pipeline.cluster().topics().subscriptions().name(),
                    CommittedLag.subscriptionEdgesTopic(APPLICATION_ID));

            gateway(item("LOGIN", target, "phone", "c1", "IOS", null));
            gateway(item("HEARTBEAT", target, "phone", "c1", null, null));
            HttpResponse<String> status = pipeline.http().putStatus("Bearer " + TestTokens.validFor(target), "{\"customStatus\":\"Busy\"}");
            assertThat(status.statusCode()).as(status.body()).isEqualTo(202);
            gateway(item("DISCONNECT", target, "phone", "c1", null, null));

            await().atMost(WAIT).until(() -> socket.notifications().size() >= 3);
            await().atMost(WAIT).until(() -> pipeline.receiver().acceptedFor(subscriber).size() >= 3);
        }
        QueryHttp.Answer answer = new QueryHttp().ask(pipeline.streams().httpPort(),
                io.presence.streams.subscription.TestTokens.bearer(subscriber), List.of(target));
        assertThat(answer.isOk()).as(answer.body()).isTrue();
    }

    private static void gateway(String event) {
        HttpResponse<String> answer = pipeline.http().postEvents(IngestCluster.GATEWAY_KEY, events(event));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** "source: metric (job)" for every selector whose metric is not in the scrape of its job, or of any job if it names none. */
    private static List<String> unexposed(List<Query> queries, Map<String, Set<String>> exposedByJob) {
        Set<String> anywhere = new HashSet<>();
        exposedByJob.values().forEach(anywhere::addAll);
        List<String> missing = new ArrayList<>();
        for (Query query : queries) {
            for (Selector selector : PromQlSelectors.in(query.expr())) {
                Set<String> exposed = selector.job().map(job -> exposedByJob.getOrDefault(job, Set.of())).orElse(anywhere);
                if (!RECORDED_BY_PROMETHEUS.contains(selector.metric()) && !exposed.contains(selector.metric())) {
                    missing.add(query.source() + ": " + selector.metric() + selector.job().map(job -> " (job " + job + ")").orElse(""));
                }
            }
        }
        return missing;
    }

    /** The sample names (histograms' _bucket, _count and _sum each their own) that each job's /metrics shows now. */
    private static Map<String, Set<String>> exposedByJob() {
        Map<String, Set<String>> exposed = new TreeMap<>();
        portsByJob.forEach((job, port) -> exposed.put(job, sampleNames(Metrics.scrape(port))));
        return exposed;
    }

    private static Set<String> sampleNames(String scrape) {
        Set<String> names = new HashSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    /** Every panel with queries, also those inside a collapsed row. */
    private static List<JsonNode> queryingPanels(JsonNode panels) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode panel : panels) {
            if (panel.path("type").asText().equals("row")) {
                found.addAll(queryingPanels(panel.path("panels")));
            } else {
                found.add(panel);
            }
        }
        return found;
    }

    private static List<JsonNode> alertRules() {
        return StreamSupport.stream(yaml(ALERT_RULES).path("groups").spliterator(), false)
                .flatMap(group -> StreamSupport.stream(group.path("rules").spliterator(), false))
                .toList();
    }

    private static JsonNode yaml(Path file) {
        return read(YAML, file);
    }

    private static JsonNode json(Path file) {
        return read(JSON, file);
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath().normalize(), e);
        }
    }
}
