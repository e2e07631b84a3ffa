package io.presence.streams.query;

import static io.presence.streams.query.QueryBenchReport.MICROS_PER_MS;
import static io.presence.streams.query.QueryBenchReport.NANOS_PER_MS;
import static io.presence.streams.query.QueryBenchReport.ms;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.presence.config.PresenceConfigLoader;
import io.presence.streams.app.PresenceStreamsSettings;
import io.presence.streams.app.StreamsService;
import io.presence.streams.query.routing.KeyResult;
import io.presence.streams.query.routing.Placement;
import io.presence.testkit.EmbeddedKafkaBroker;
import io.presence.testkit.PresenceCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code bin/presence-bench query} until it moves into presence-bench: GetUserStatus latency with
 * users in state on two instances of one application, on an embedded broker. Measures, at a steady
 * rate, p50/p99 of a 500-id query (ids spread over both instances, so about half are fetched from
 * the other one) and of a 1-id query; the baseline, measured in the same run, is the same number of
 * keys read straight from this instance's own store copies (no HTTP, no routing). The last line is
 * {@code RESULT scenario=query value=<p99 ms of the 500-id query> unit=ms baseline=<n> ratio=<n>}.
 *
 * <p>Options: {@code --quick} (smaller sizes, under 2 minutes), {@code --users N}, {@code --seconds S}
 * (per measured phase), {@code --rate-500 R} and {@code --rate-1 R} (queries per second).
 */
public final class QueryBenchmarkMain {

    /** How big a run is. */
    record Sizes(int users, Duration phase, double rate500, double rate1, int baselineRounds) {

        static Sizes from(String[] args) {
            List<String> options = List.of(args);
            Sizes sizes = options.contains("--quick") ? new Sizes(20_000, Duration.ofSeconds(15), 20, 100, 1_000)
                    : new Sizes(1_000_000, Duration.ofSeconds(60), 20, 200, 5_000);
            return new Sizes(intOption(options, "--users", sizes.users),
                    Duration.ofSeconds(intOption(options, "--seconds", (int) sizes.phase.toSeconds())),
                    intOption(options, "--rate-500", (int) sizes.rate500), intOption(options, "--rate-1", (int) sizes.rate1),
                    sizes.baselineRounds);
        }

        private static int intOption(List<String> options, String name, int fallback) {
            int at = options.indexOf(name);
            return at < 0 ? fallback : Integer.parseInt(options.get(at + 1));
        }
    }

    private static final String SECRET = "query-bench-secret-0123456789abcdef";
    private static final int BATCH = 500;
    private static final int CALLERS = 512;
    private static final Duration SETTLE = Duration.ofMinutes(30);
    private static final Duration WARM_UP = Duration.ofSeconds(8);

    private final Sizes sizes;
    private final QueryBenchReport report;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> callers = new ArrayList<>();
    private final QueryHttp http = new QueryHttp();

    private QueryBenchmarkMain(Sizes sizes, PrintStream out) {
        this.sizes = sizes;
        this.report = new QueryBenchReport(out);
        for (int i = 0; i < CALLERS; i++) {
            callers.add(bearer("bench-caller" + i));
        }
    }

    public static void main(String[] args) throws Exception {
        QueryBenchmarkMain bench = new QueryBenchmarkMain(Sizes.from(args), System.out);
        bench.run();
        // after everything is closed, so nothing can print after the headline
        bench.report.printResults();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        say("%,d users, two instances, %d s per phase, 500-id queries at %.0f/s, 1-id queries at %.0f/s",
                sizes.users, sizes.phase.toSeconds(), sizes.rate500, sizes.rate1);
        Path work = Files.createTempDirectory("presence-query-bench");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(); PresenceCluster cluster = PresenceCluster.start(broker)) {
            String applicationId = "presence-query-bench-" + run;
            try (StreamsService a = start(cluster, applicationId, work.resolve("a"));
                 StreamsService b = start(cluster, applicationId, work.resolve("b"))) {
                BenchUserLoad.logInAll(cluster.bootstrapServers(), cluster.topics().events(), sizes.users, this::say);
                BenchUserLoad.awaitFolded(cluster.bootstrapServers(), applicationId, cluster.topics().events().name(), SETTLE, this::say);
                waitUntil("both instances run and own partitions", () -> a.state() == KafkaStreams.State.RUNNING
                        && b.state() == KafkaStreams.State.RUNNING && ownedActively(a, 64).size() == 64 && ownedActively(b, 64).size() == 64);
                // standbys replay the changelogs after the fold; measuring meanwhile would measure that work
                waitUntil("each instance's standby copies hold the other's latest users", () -> standbysCaughtUp(a, b) && standbysCaughtUp(b, a));
                measure(a, b);
            }
        } finally {
            deleteRecursively(work);
        }
        say("done in %d s", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private void measure(StreamsService a, StreamsService b) throws Exception {
        say("warming up");
        SteadyRateProbe.Outcome warmUp500 = new SteadyRateProbe(sizes.rate500, WARM_UP, 64).run(i -> queryOf(a, b, i, BATCH));
        SteadyRateProbe.Outcome warmUp1 = new SteadyRateProbe(sizes.rate1, WARM_UP, 64).run(i -> queryOf(a, b, i, 1));
        say("warm-up: %d ok, %d failed", warmUp500.ok() + warmUp1.ok(), warmUp500.failed() + warmUp1.failed());

        Histogram local500 = localLookups(a, BATCH);
        Histogram local1 = localLookups(a, 1);
        report.latency("baseline: local 500-key lookup", local500, NANOS_PER_MS);
        report.latency("baseline: local 1-key lookup", local1, NANOS_PER_MS);

        say("500-id queries at %.0f/s for %d s", sizes.rate500, sizes.phase.toSeconds());
        SteadyRateProbe.Outcome batch = new SteadyRateProbe(sizes.rate500, sizes.phase, 64).run(i -> queryOf(a, b, i, BATCH));
        report("500-id query", batch);
        say("1-id queries at %.0f/s for %d s", sizes.rate1, sizes.phase.toSeconds());
        SteadyRateProbe.Outcome single = new SteadyRateProbe(sizes.rate1, sizes.phase, 64).run(i -> queryOf(a, b, i, 1));
        report("1-id query", single);

        report.result("query/p50", ms(batch.latencyMicros(), 50, MICROS_PER_MS), ms(local500, 50, NANOS_PER_MS));
        report.result("query/one-id-p50", ms(single.latencyMicros(), 50, MICROS_PER_MS), ms(local1, 50, NANOS_PER_MS));
        report.result("query/one-id-p99", ms(single.latencyMicros(), 99, MICROS_PER_MS), ms(local1, 99, NANOS_PER_MS));
        report.result("query", ms(batch.latencyMicros(), 99, MICROS_PER_MS), ms(local500, 99, NANOS_PER_MS));
    }

    /** The i-th query: {@code size} distinct random users, at either instance in turn, from one of many callers. */
    private CompletableFuture<Boolean> queryOf(StreamsService a, StreamsService b, long i, int size) {
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < size) {
            ids.add(BenchUserLoad.userId(ThreadLocalRandom.current().nextInt(sizes.users)));
        }
        List<String> asked = List.copyOf(ids);
        StreamsService target = i % 2 == 0 ? a : b;
        return http.send(target.httpPort(), callers.get((int) (i % CALLERS)), asked)
                .thenApply(response -> isRight(QueryHttp.answer(response), asked))
                .exceptionally(failure -> false);
    }

    private static boolean isRight(QueryHttp.Answer answer, List<String> asked) {
        if (!answer.isOk() || answer.statuses().size() != asked.size()) {
            return false;
        }
        for (int i = 0; i < asked.size(); i++) {
            StatusJson status = answer.statuses().get(i);
            if (!status.userId().equals(asked.get(i)) || !"ONLINE".equals(status.status())) {
                return false;
            }
        }
        return true;
    }

    /** The baseline: {@code size} keys this instance owns, read from its own store copies, timed many times (in ns). */
    private Histogram localLookups(StreamsService instance, int size) {
        Map<Integer, List<String>> byPartition = new HashMap<>();
        for (String id : ownedActively(instance, size)) {
            Placement.Located located = (Placement.Located) instance.storeAccess().locate(StatusJson.USER_STATUS.name(), id);
            byPartition.computeIfAbsent(located.partition(), p -> new ArrayList<>()).add(id);
        }
        // in nanoseconds: a one-key read takes microseconds
        Histogram nanos = new Histogram(Duration.ofMinutes(5).toNanos(), 3);
        for (int round = 0; round < sizes.baselineRounds; round++) {
            long start = System.nanoTime();
            Map<String, KeyResult<StatusJson>> read = instance.storeAccess().read(StatusJson.USER_STATUS, byPartition, false);
            nanos.recordValue(System.nanoTime() - start);
            if (read.size() != size || !read.values().stream().allMatch(KeyResult.Found.class::isInstance)) {
                throw new IllegalStateException("the baseline read did not find all " + size + " keys: " + read.size());
            }
        }
        return nanos;
    }

    /** Whether {@code standby} holds the last users {@code owner} folded, in its standby copies. */
    private boolean standbysCaughtUp(StreamsService standby, StreamsService owner) {
        Map<Integer, List<String>> latest = new HashMap<>();
        for (int i = sizes.users - 1; i >= 0 && latest.values().stream().mapToInt(List::size).sum() < 64; i--) {
            String id = BenchUserLoad.userId(i);
            if (owner.storeAccess().locate(StatusJson.USER_STATUS.name(), id) instanceof Placement.Located located
                    && located.active().equals(owner.storeAccess().self())) {
                latest.computeIfAbsent(located.partition(), p -> new ArrayList<>()).add(id);
            }
        }
        return standby.storeAccess().read(StatusJson.USER_STATUS, latest, true).values().stream()
                .allMatch(KeyResult.Found.class::isInstance);
    }

    /** Up to {@code count} users whose partition {@code instance} owns actively. */
    private Set<String> ownedActively(StreamsService instance, int count) {
        Set<String> owned = new LinkedHashSet<>();
        for (int i = 0; i < sizes.users && owned.size() < count; i++) {
            String id = BenchUserLoad.userId(i);
            if (instance.storeAccess().locate(StatusJson.USER_STATUS.name(), id) instanceof Placement.Located located
                    && located.active().equals(instance.storeAccess().self())) {
                owned.add(id);
            }
        }
        return owned;
    }

    private StreamsService start(PresenceCluster cluster, String applicationId, Path stateDir) {
        return StreamsService.start(PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", cluster.bootstrapServers(),
                "PRESENCE_SCHEMA_REGISTRY_URL", cluster.registryUrl(),
                "PRESENCE_AUTH_SECRET", SECRET,
                "PRESENCE_STREAMS_APPLICATION_ID", applicationId,
                "PRESENCE_STREAMS_PORT", "0",
                "PRESENCE_STREAMS_ADVERTISED_HOST", "localhost",
                "PRESENCE_STREAMS_STATE_DIR", stateDir.toString(),
                "PRESENCE_STREAMS_NUM_STANDBY_REPLICAS", "1"))));
    }

    private void report(String what, SteadyRateProbe.Outcome outcome) {
        report.latency(what, outcome.latencyMicros(), MICROS_PER_MS);
        say("%s: %,d ok, %,d failed or wrong, %.1f answers/s", what, outcome.ok(), outcome.failed(), outcome.callsPerSecond());
    }

    private void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting until " + what);
            }
            Thread.sleep(500);
        }
        say("%s", what);
    }

    private void say(String format, Object... args) {
        report.say(format, args);
    }

    private static String bearer(String userId) {
        return "Bearer " + JWT.create().withSubject(userId).withExpiresAt(Instant.now().plus(Duration.ofDays(1)))
                .sign(Algorithm.HMAC256(SECRET));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
