package io.presence.streams.audit;

import io.presence.avro.StatusChange;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code verify}: replay equals live (R-AUD-2), every difference printed with both sides. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Replays presence.events and compares each user's changes with presence.status-changes. "
                + "Run it on a quiet log: the app caught up and no expiry pending.")
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    AuditMain main;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ReplayThreads parallel;

    @Option(names = "--from-beginning", defaultValue = "true", fallbackValue = "true",
            description = "replay from the first event (the only mode: the fold needs the whole history, and "
                    + "presence.events keeps it forever)")
    boolean fromBeginning;

    @Option(names = "--status-changes-topic", paramLabel = "TOPIC",
            description = "compare against this topic instead (e.g. a copy); default presence.status-changes")
    String statusChangesTopic;

    @Override
    public Integer call() {
        var layout = cluster.layout();
        String changes = statusChangesTopic != null ? statusChangesTopic : layout.statusChanges().name();
        VerifyReplay.Verdict verdict;
        try (AuditCluster connected = cluster.connect()) {
            verdict = new VerifyReplay(connected, layout.events().name(), changes, parallel.threads)
                    .run(cluster.progress(main.err), mismatch -> print(mismatch, main.out));
        }
        main.out.printf("%s: %,d changes identical, %,d mismatches (%,d events skipped as invalid, as the live app does)%n",
                verdict.identicalLogs() ? "IDENTICAL" : "DIFFERENT", verdict.identical(), verdict.mismatches(),
                verdict.skippedEvents());
        return verdict.identicalLogs() ? ExitCodes.OK : ExitCodes.MISMATCH;
    }

    private static void print(ChangeComparison.Mismatch mismatch, PrintStream out) {
        out.printf("MISMATCH user=%s version=%d: %s%n  replay:    %s%n  published: %s%n", mismatch.userId(),
                mismatch.version(), mismatch.problem(), side(mismatch.replayed()), side(mismatch.published()));
    }

    private static String side(StatusChange change) {
        return change == null ? "(none)" : change.toString();
    }
}
