package io.presence.streams.audit;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code redrive}: after the webhook receiver is back, delivers what it missed (R-NOT-4: a dead letter
 * is kept, not lost — this is how it reaches its recipient). Only notifications go back: the other
 * dead letters come from the log of facts (events, subscriptions, friendships), where an old record
 * appended again would be ignored as stale by the fold (R-SES-7) and would falsify the audit record.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = "Puts dead-lettered notifications back into presence.notifications, into the partition they came from, "
                + "so the notifier delivers them again (to a live socket, else the webhook). By default the ones the webhook "
                + "did not take within its retry budget (--reason webhook-retries-exhausted). A version older than one the "
                + "notifier already delivered for the same recipient and user is dropped (R-NOT-2); a repeat carries the "
                + "same id. --from/--to select by when each was dead-lettered. Needs no schema registry.")
final class RedriveCommand implements Callable<Integer> {

    static final String DEFAULT_REASON = "webhook-retries-exhausted";

    @ParentCommand
    AuditMain main;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    DeadLetterFilter filter;

    @Option(names = "--dry-run", description = "list what would be redriven, write nothing")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json, for the list of letters redriven (default: table)")
    DeadLetterRows.Format format = DeadLetterRows.Format.TABLE;

    @Override
    public Integer call() {
        if (filter.reason == null) {
            filter.reason = DEFAULT_REASON;
        }
        var layout = cluster.layout();
        String notifications = layout.notifications().name();
        DeadLetterRows rows = DeadLetterRows.of(format, main.out);
        DeadLetterTally elsewhere = new DeadLetterTally();
        AtomicLong selected = new AtomicLong();
        long written;
        try (AuditCluster connected = cluster.connectWithoutRegistry();
             NotificationRedrive redrive = dryRun ? null : new NotificationRedrive(connected, notifications)) {
            DeadLetterScan.each(connected, layout.dlq().name(), cluster.progress(main.err), letter -> {
                if (!filter.matches(letter)) {
                    return;
                }
                if (!notifications.equals(letter.sourceTopic())) {
                    elsewhere.add(letter.sourceTopic());
                    return;
                }
                rows.write(letter);
                selected.incrementAndGet();
                if (redrive != null) {
                    redrive.send(letter);
                }
            });
            written = redrive == null ? 0 : redrive.finish();
        }
        main.out.flush();
        main.err.printf("presence-audit: %s %,d dead notifications into %s%s%n",
                dryRun ? "would redrive" : "redrove", dryRun ? selected.get() : written, notifications,
                elsewhere.total() == 0 ? "" : String.format("; %,d matching dead letters left where they are, they come "
                        + "from the log of facts, not notifications (%s)", elsewhere.total(), elsewhere));
        return ExitCodes.OK;
    }
}
