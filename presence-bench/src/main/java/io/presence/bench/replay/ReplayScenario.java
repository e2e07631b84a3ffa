package io.presence.bench.replay;

import io.presence.bench.BenchRun;
import io.presence.bench.Scenario;
import io.presence.bench.report.BenchReport;
import io.presence.bench.report.Throughput;
import io.presence.bench.workload.EventLoader;
import io.presence.bench.workload.EventMix;
import io.presence.bench.workload.SessionWorkload;
import io.presence.streams.audit.AuditReplays;
import io.presence.streams.audit.VerifyReplay;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Replay rate of the audit's {@code verify} (issue 8, R-AUD-2): records per second of decoding,
 * validating and folding every event, mapping every change and comparing it with the published one,
 * over a generated log of {@code events} events and their status changes — against a raw read of
 * the same partitions by the same consumers in the same run, and (a secondary figure) a read that
 * also decodes every value. They alternate {@code rounds} times and the best of each counts, so
 * none gets the cold or the warm page cache alone. Goal: ratio to the raw read ≥ 0.5.
 */
public final class ReplayScenario implements Scenario {

    public record Settings(long events, int threads, int rounds) {

        public Settings {
            if (events < 1 || threads < 1 || rounds < 1) {
                throw new IllegalArgumentException("events, threads and rounds must be >= 1; got " + events + ", " + threads + ", " + rounds);
            }
        }
    }

    private static final long SEED = 20_241_130L;
    private static final Duration EVENT_SPAN = Duration.ofMinutes(10);
    /** 1.5 devices per user and 20 events per device, as in the fold scenario. */
    private static final int EVENTS_PER_USER = 30;

    private final Settings settings;
    private final String nonce = Long.toString(System.currentTimeMillis(), 36);

    public ReplayScenario(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run(BenchRun run) {
        ReplayTopics topics = ReplayTopics.of("presence-bench-" + nonce + "-replay");
        try {
            topics.specs(run.cluster().topics().layout()).forEach(run.cluster()::ensureTopic);
            ReplayLog log = new ReplayLog(run.cluster().topics(), topics);
            SessionWorkload workload = workload();
            run.report().say("writing %,d events of %,d users, and their status changes, into %s and %s",
                    workload.count(), workload.size().users(), topics.events(), topics.statusChanges());
            Throughput loaded = new EventLoader(run.cluster().bootstrap(), run.cluster().topics().events(), run.report())
                    .load(workload, SEED, log);
            run.report().say("wrote %s, and %,d status changes", loaded.format(), log.changes());
            measure(run, topics, loaded.events() + log.changes());
        } finally {
            run.cluster().deleteTopicsOf(topics.owner());
        }
    }

    private void measure(BenchRun run, ReplayTopics topics, long records) {
        BenchReport report = run.report();
        report.say("%d rounds of a raw read, a decoding read, then verify, %d partitions read in parallel", settings.rounds(),
                settings.threads());
        try (AuditReplays replays = AuditReplays.connect(run.cluster().bootstrap(), run.cluster().registryUrl(), settings.threads())) {
            Throughput raw = null;
            Throughput decoding = null;
            Throughput verify = null;
            for (int round = 1; round <= settings.rounds(); round++) {
                raw = faster(raw, timed(report, "raw read", round, records, () -> replays.readOnly(topics.events(), topics.statusChanges())));
                decoding = faster(decoding, timed(report, "decoding read", round, records,
                        () -> replays.readDecoded(topics.events(), topics.statusChanges())));
                verify = faster(verify, timed(report, "verify", round, records, () -> verified(replays, topics)));
            }
            report.say("best of %d: verify %,.0f records/s, decoding read %,.0f records/s, raw read %,.0f records/s",
                    settings.rounds(), verify.perSecond(), decoding.perSecond(), raw.perSecond());
            report.result("vs-decoding-read", verify.perSecond(), "records/s", decoding.perSecond());
            report.headline(verify.perSecond(), "records/s", raw.perSecond());
        }
    }

    private static long verified(AuditReplays replays, ReplayTopics topics) {
        VerifyReplay.Verdict verdict = replays.verify(topics.events(), topics.statusChanges());
        if (!verdict.identicalLogs() || verdict.skippedEvents() > 0) {
            throw new IllegalStateException("verify found " + verdict.mismatches() + " mismatches and skipped "
                    + verdict.skippedEvents() + " events of a generated log; the figures would not be of a clean replay");
        }
        return verdict.recordsRead();
    }

    private static Throughput timed(BenchReport report, String what, int round, long expected, LongSupplier read) {
        long start = System.nanoTime();
        long records = read.getAsLong();
        Throughput took = new Throughput(records, Duration.ofNanos(System.nanoTime() - start));
        if (records != expected) {
            throw new IllegalStateException(what + " read " + records + " records of the " + expected + " written");
        }
        report.say("  round %d, %s: %,d records in %.2f s = %,.0f records/s", round, what, records,
                took.elapsed().toNanos() / 1e9, took.perSecond());
        return took;
    }

    private static Throughput faster(Throughput best, Throughput next) {
        return best == null || next.perSecond() > best.perSecond() ? next : best;
    }

    private SessionWorkload workload() {
        int users = (int) Math.max(1, settings.events() / EVENTS_PER_USER);
        long now = System.currentTimeMillis();
        return new SessionWorkload(new SessionWorkload.Size(users, users + users / 2, settings.events()), EventMix.REALISTIC,
                SEED, now - EVENT_SPAN.toMillis(), now);
    }
}
