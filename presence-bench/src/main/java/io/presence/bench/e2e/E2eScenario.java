package io.presence.bench.e2e;

import io.presence.bench.BenchRun;
import io.presence.bench.Scenario;
import io.presence.bench.cluster.OffsetsReader;
import io.presence.bench.report.BenchReport;
import io.presence.config.PresenceConfigLoader;
import io.presence.streams.app.PresenceStreamsSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * End-to-end latency (issue 7): from a gateway's {@code POST /v1/events} call to the WebSocket frame
 * that tells the user of its change, through the real ingest, presence-streams and presence-notifier,
 * with one open socket per user; against an exactly-once Kafka Streams passthrough on the same broker
 * in the same run. Both at the service's default commit interval and at a low-latency one.
 */
public final class E2eScenario implements Scenario {

    /** @param lowLatencyCommit the commit interval of the low-latency setting, for presence-streams and the passthrough alike */
    public record Settings(int sockets, int eventsPerSecond, Duration warmUp, Duration measured, Duration lowLatencyCommit,
                           Duration drainTimeout) {
    }

    /** One setting's figures; {@code nextChange}: where the users' changes go on after it. */
    private record SettingOutcome(Duration commitInterval, PhaseRunner.Outcome presence, PhaseRunner.Outcome baseline,
                                  long nextChange) {
    }

    private static final Duration FLEET_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration FELL_BEHIND = Duration.ofSeconds(1);
    private static final double GOAL_RATIO = 1.2;
    private static final double GOAL_LOW_LATENCY_P99_MS = 100;

    private final Settings settings;
    private final String nonce = Long.toString(System.currentTimeMillis(), 36);

    public E2eScenario(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run(BenchRun run) throws Exception {
        BenchReport report = run.report();
        FdBudget.require(settings.sockets(), "the bench (the notifier's end of each socket)");
        String appId = "presence-bench-" + nonce + "-e2e";
        String secret = UUID.randomUUID().toString();
        ChangePlan plan = new ChangePlan("e2e-" + nonce + "-u", settings.sockets());
        int perTick = PhaseRunner.perTick(settings.eventsPerSecond());
        Duration serviceDefault = PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", secret)))
                .commitInterval();
        report.say("%,d users, one WebSocket each; %,d events/s (%d per %d ms tick); warm-up %d s, measured %d s per contender and setting",
                plan.users(), perTick * 1000 / PhaseRunner.TICK.toMillis(), perTick, PhaseRunner.TICK.toMillis(),
                settings.warmUp().toSeconds(), settings.measured().toSeconds());
        // the probe reads only this run's notifications, whatever the topic held before
        run.cluster().startGroupAt(appId + "-probe",
                new OffsetsReader(run.cluster().admin(), run.cluster().topics().notifications().name()).logEnd());
        try (PresenceServices services = PresenceServices.start(run, appId, appId + "-notifier", secret, serviceDefault);
             SocketFleet fleet = SocketFleet.start(services.notificationsUrl(), plan, secret, report);
             CommittedReader committed = new CommittedReader(run.cluster().bootstrap(), appId + "-probe",
                     run.cluster().topics().notifications().name(), CommittedReader.notifications(run.cluster().topics().notifications()))
                     .awaitAssigned()) {
            fleet.awaitReady(FLEET_TIMEOUT);
            report.say("%,d sockets open and served (socket fleet: a child JVM)", plan.users());
            PhaseRunner presence = new PhaseRunner(fleet, committed, new GatewaySender(plan, services.gateway()), settings.drainTimeout());
            Phase login = new Phase(plan, 0, 1, perTick);
            PhaseRunner.Outcome loggedIn = presence.run(login);
            report.say("every user logged in: %s", describe(loggedIn, login));

            SettingOutcome byDefault = setting(run, "default", serviceDefault, services, presence, plan, login.nextChange(), perTick);
            services.restartStreams(settings.lowLatencyCommit());
            SettingOutcome lowLatency = setting(run, "low-latency", settings.lowLatencyCommit(), services, presence, plan,
                    byDefault.nextChange(), perTick);
            if (fleet.lost() > 0) {
                report.say("WARNING: %,d sockets were lost during the run; their users' frames are missing", fleet.lost());
            }
            results(report, byDefault, lowLatency);
        } finally {
            run.cluster().deleteApplication(appId);
            run.cluster().deleteApplication(appId + "-notifier");
            run.cluster().deleteApplication(appId + "-probe");
        }
    }

    private SettingOutcome setting(BenchRun run, String name, Duration commitInterval, PresenceServices services,
                                   PhaseRunner presence, ChangePlan plan, long firstChange, int perTick) throws Exception {
        BenchReport report = run.report();
        Phase warmUp = new Phase(plan, firstChange, rounds(settings.warmUp(), plan), perTick);
        Phase measured = new Phase(plan, warmUp.nextChange(), rounds(settings.measured(), plan), perTick);
        report.say("%s setting: commit.interval.ms %d for presence-streams and the passthrough", name, commitInterval.toMillis());
        report.say("  presence warm-up (not measured): %s", describe(presence.run(warmUp), warmUp));
        CommitStats commitsBefore = services.streamsCommits();
        PhaseRunner.Outcome ours = presence.run(measured);
        report.latency("  presence, HTTP call -> notification committed (a read_committed consumer)", ours.probe());
        report.latency("  presence, HTTP call -> WebSocket frame", ours.latency());
        report.latency("  presence, notification committed -> its WebSocket frame (notifier + socket + client)", ours.afterProbe());
        report.say("  presence: %s", describe(ours, measured));
        report.say("  presence-streams: %s", services.streamsCommits().formatSince(commitsBefore, ours.took()));
        brokerTimes(report, ours);
        PhaseRunner.Outcome baseline = passthrough(run, name, commitInterval, plan, warmUp, measured);
        return new SettingOutcome(commitInterval, ours, baseline, measured.nextChange());
    }

    private PhaseRunner.Outcome passthrough(BenchRun run, String name, Duration commitInterval, ChangePlan plan, Phase warmUp,
                                            Phase measured) throws Exception {
        String id = "presence-bench-" + nonce + "-e2e-passthrough-" + name;
        String readerGroup = id + "-reader";
        try (PassthroughApp app = PassthroughApp.start(run, id, commitInterval);
             CommittedReader reader = new CommittedReader(run.cluster().bootstrap(), readerGroup, PassthroughApp.output(id),
                     CommittedReader.PASSTHROUGH).awaitAssigned();
             ProducerSender sender = new ProducerSender(run.cluster().bootstrap(), plan, PassthroughApp.input(id))) {
            PhaseRunner baseline = new PhaseRunner(reader, FrameSource.NONE, sender, settings.drainTimeout());
            run.report().say("  passthrough warm-up (not measured): %s", describe(baseline.run(warmUp), warmUp));
            CommitStats commitsBefore = app.commits();
            PhaseRunner.Outcome outcome = baseline.run(measured);
            run.report().latency("  passthrough baseline, send -> read_committed", outcome.latency());
            run.report().say("  passthrough: %s", describe(outcome, measured));
            run.report().say("  passthrough app: %s", app.commits().formatSince(commitsBefore, outcome.took()));
            brokerTimes(run.report(), outcome);
            return outcome;
        } finally {
            run.cluster().deleteApplication(readerGroup);
        }
    }

    /** Where the commit's own time goes on the broker; said only when the broker runs in this JVM. */
    private static void brokerTimes(BenchReport report, PhaseRunner.Outcome outcome) {
        String times = outcome.broker().describe();
        if (!times.isEmpty()) {
            report.say("  broker, mean time per request (count): %s", times);
        }
    }

    /** Whole rounds (one change of every user each) closest to {@code duration} at the rate; at least one. */
    private int rounds(Duration duration, ChangePlan plan) {
        return (int) Math.max(1, Math.round(duration.toNanos() / 1e9 * settings.eventsPerSecond() / plan.users()));
    }

    private static String describe(PhaseRunner.Outcome outcome, Phase phase) {
        LatencyWindow.Counts counts = outcome.counts();
        String anomalies = counts.missing() == 0 && counts.duplicates() == 0 && counts.unexpectedStatus() == 0 ? ""
                : String.format(" — WARNING: %,d missing, %,d duplicates, %,d with an unexpected status",
                        counts.missing(), counts.duplicates(), counts.unexpectedStatus());
        if (outcome.drain(phase).compareTo(FELL_BEHIND) > 0) {
            // a pipeline that keeps up delivers the last frame about one latency after the last send; a backlog takes longer
            anomalies += String.format(Locale.ROOT, " — WARNING: the last frame came %.1f s after the last send: "
                    + "the contender fell behind the rate, and its latencies include the backlog", outcome.drain(phase).toMillis() / 1000.0);
        }
        return String.format(Locale.ROOT, "%,d of %,d frames in %.1f s; sends (due -> durable) p50 %.1f p99 %.1f ms; "
                        + "bench JVM CPU %.0f us per event, its GC pauses %d (%.2f s in all)%s", counts.received(), counts.expected(),
                outcome.took().toMillis() / 1000.0, outcome.sends().p50Ms(), outcome.sends().p99Ms(), outcome.cpuMicrosPerEvent(),
                outcome.gc().collections(), outcome.gc().time().toMillis() / 1000.0, anomalies);
    }

    private static void results(BenchReport report, SettingOutcome byDefault, SettingOutcome lowLatency) {
        double p99 = byDefault.presence().latency().p99Ms();
        double baselineP99 = byDefault.baseline().latency().p99Ms();
        double lowP99 = lowLatency.presence().latency().p99Ms();
        report.say("goal, default setting: p99 %.1f ms <= %.1f x the passthrough's %.1f ms: %s", p99, GOAL_RATIO, baselineP99,
                p99 <= GOAL_RATIO * baselineP99 ? "met" : "NOT met");
        report.say("goal, low-latency setting (%d ms): p99 %.1f ms <= %.0f ms: %s", lowLatency.commitInterval().toMillis(), lowP99,
                GOAL_LOW_LATENCY_P99_MS, lowP99 <= GOAL_LOW_LATENCY_P99_MS ? "met" : "NOT met");
        report.result("p50", byDefault.presence().latency().p50Ms(), "ms", byDefault.baseline().latency().p50Ms());
        report.result("p999", byDefault.presence().latency().p999Ms(), "ms", byDefault.baseline().latency().p999Ms());
        report.result("committed-p99", byDefault.presence().probe().p99Ms(), "ms", baselineP99);
        report.result("low-latency-p50", lowLatency.presence().latency().p50Ms(), "ms", lowLatency.baseline().latency().p50Ms());
        report.result("low-latency-p999", lowLatency.presence().latency().p999Ms(), "ms", lowLatency.baseline().latency().p999Ms());
        report.result("low-latency-cpu", lowLatency.presence().cpuMicrosPerEvent(), "us/event", byDefault.presence().cpuMicrosPerEvent());
        report.result("low-latency-p99", lowP99, "ms", lowLatency.baseline().latency().p99Ms());
        report.headline(p99, "ms", baselineP99);
    }
}
