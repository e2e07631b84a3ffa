package io.presence.bench.query;

import io.presence.bench.BenchRun;
import io.presence.bench.Scenario;
import io.presence.bench.cluster.CatchUpWatch;
import io.presence.bench.cluster.OffsetsReader;
import io.presence.bench.cluster.PartitionOffsets;
import io.presence.bench.measure.PacedLoad;
import io.presence.bench.report.BenchReport;
import io.presence.bench.report.LatencySummary;
import io.presence.bench.workload.EventLoader;
import io.presence.schemas.topics.Topics;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * GetUserStatus across two instances (issue 5, R-QRY-1/4): {@code users} users logged in through
 * the real topology and folded into {@code user-status} on two instances of one application; then,
 * at a steady rate, queries of 500 random ids and of 1 random id, to each instance in turn, so about
 * half the ids of a query are fetched from the other instance. Baseline, in the same run: the same
 * number of keys read from one instance's own store copies, without HTTP or routing. Headline: the
 * p99 of the 500-id query (goal ≤ 50 ms).
 */
public final class QueryScenario implements Scenario {

    public record Settings(int users, Duration phase, double rate500, double rate1, int baselineRounds, Duration catchUpTimeout) {

        public Settings {
            if (users < BATCH) {
                throw new IllegalArgumentException("need at least " + BATCH + " users for a " + BATCH + "-id query, got " + users);
            }
        }
    }

    /** The most ids one query may ask for (R-QRY-1). */
    static final int BATCH = 500;
    /** Callers take turns, so no caller comes near the 20 calls / 5 s limit (R-QRY-3). */
    private static final int CALLERS = 512;
    private static final Duration WARM_UP = Duration.ofSeconds(8);
    private static final long SEED = 20_241_129L;

    private final Settings settings;
    private final String nonce = Long.toString(System.currentTimeMillis(), 36);

    public QueryScenario(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run(BenchRun run) {
        BenchReport report = run.report();
        String appId = "presence-bench-" + nonce + "-query";
        String authSecret = "presence-bench-" + UUID.randomUUID();
        QueryUsers users = new QueryUsers("q-" + nonce + "-", settings.users());
        Topics topics = run.cluster().topics();
        OffsetsReader events = new OffsetsReader(run.cluster().admin(), topics.events().name());
        PartitionOffsets from = events.logEnd();
        // the application reads only this run's records, whatever the topics held before
        run.cluster().startGroupAt(appId, from);
        run.cluster().startGroupAtLogEnd(appId, topics.subscriptions().name(), topics.friendships().name());
        report.say("%,d users on two instances; 500-id queries at %.0f/s, then 1-id queries at %.0f/s, %d s each",
                users.count(), settings.rate500(), settings.rate1(), settings.phase().toSeconds());
        try (QueryInstances instances = QueryInstances.start(run, appId, authSecret, users)) {
            long started = System.nanoTime();
            report.say("users logged in: %s", new EventLoader(run.cluster().bootstrap(), topics.events(), report)
                    .load(users.logins(System.currentTimeMillis()), SEED).format());
            new CatchUpWatch(events, from, events.logEnd(), report).await(appId, started, settings.catchUpTimeout(), instances::failure);
            instances.awaitSettled(settings.catchUpTimeout(), report);
            double seconds = (System.nanoTime() - started) / 1e9;
            report.say("%,d users in state after %.0f s (%,.0f users/s from the first login written)", users.count(), seconds,
                    users.count() / seconds);
            measure(report, instances, new QueryTraffic(instances, new StatusQueryClient(authSecret, CALLERS), users,
                    new SplittableRandom(SEED)));
        } finally {
            run.cluster().deleteApplication(appId);
        }
    }

    private void measure(BenchReport report, QueryInstances instances, QueryTraffic traffic) {
        report.say("warm-up (not measured): %d s of each query", WARM_UP.toSeconds());
        failures(report, "warm-up", traffic.of(BATCH).run(settings.rate500(), WARM_UP));
        failures(report, "warm-up", traffic.of(1).run(settings.rate1(), WARM_UP));

        LatencySummary local500 = new LocalLookups(instances.a(), instances.ownedBy(instances.a(), BATCH)).time(settings.baselineRounds());
        report.latency("baseline: 500 keys read from instance A's own store copies", local500);
        LatencySummary local1 = new LocalLookups(instances.a(), instances.ownedBy(instances.a(), 1)).time(settings.baselineRounds());
        report.latency("baseline: 1 key read from instance A's own store copy", local1);

        report.say("500-id queries at %.0f/s for %d s", settings.rate500(), settings.phase().toSeconds());
        LatencySummary batch = measured(report, "500-id query", traffic.of(BATCH).run(settings.rate500(), settings.phase()));
        report.say("1-id queries at %.0f/s for %d s", settings.rate1(), settings.phase().toSeconds());
        LatencySummary single = measured(report, "1-id query", traffic.of(1).run(settings.rate1(), settings.phase()));

        report.result("p50", batch.p50Ms(), "ms", local500.p50Ms());
        // in microseconds: the one-key baseline takes a few, which two decimals of a millisecond would round to 0
        report.result("one-id-p50", single.p50Ms() * 1000, "us", local1.p50Ms() * 1000);
        report.result("one-id-p99", single.p99Ms() * 1000, "us", local1.p99Ms() * 1000);
        report.headline(batch.p99Ms(), "ms", local500.p99Ms());
    }

    private static LatencySummary measured(BenchReport report, String what, PacedLoad.Outcome outcome) {
        report.latency("  " + what + " (due -> answer read and checked)", outcome.latency());
        failures(report, what, outcome);
        return outcome.latency();
    }

    private static void failures(BenchReport report, String what, PacedLoad.Outcome outcome) {
        if (outcome.failed() > 0) {
            report.say("  WARNING: %s: %,d of %,d answers failed or wrong; the first: %s", what, outcome.failed(), outcome.calls(),
                    outcome.firstFailure());
        }
    }
}
