package io.presence.streams.audit;

import io.presence.avro.StatusNotification;
import io.presence.schemas.json.NotificationJson;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notifications}: what one recipient was sent (R-NOT-1, R-NOT-2) — the other half of "why did
 * alice not see bob go offline?", next to {@code history --user bob} (the change) and {@code
 * dead-letters --key alice} (a push that never got through).
 */
@Command(name = "notifications", mixinStandardHelpOptions = true,
        description = "The notifications presence.notifications holds for one recipient (kept 7 days by default), "
                + "oldest first: when each was logged, about whom, the version, status, custom status, reason and id. "
                + "--from/--to select by when each was logged.")
final class NotificationsCommand implements Callable<Integer> {

    enum Format { TABLE, JSON }

    private static final String ROW = "%-24s %-10s %-24s %7s %-9s %-10s %-20s %s%n";

    @ParentCommand
    AuditMain main;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--recipient", required = true, paramLabel = "USER", description = "whose notifications")
    String recipient;

    @Option(names = "--user", paramLabel = "USER", description = "only those about this user")
    String user;

    /** Held against when each notification was logged. */
    @Mixin
    TimeWindow window;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, or json: each notification as receivers get it (SPEC §9), one a line (default: table)")
    Format format = Format.TABLE;

    @Override
    public Integer call() {
        UserIds.require("--recipient", recipient);
        if (user != null) {
            UserIds.require("--user", user);
        }
        AtomicLong listed = new AtomicLong();
        String topic = cluster.layout().notifications().name();
        long undecodable;
        try (AuditCluster connected = cluster.connect()) {
            undecodable = new RecipientNotifications(connected, topic).run(recipient, user, window, cluster.progress(main.err),
                    sent -> print(sent, listed.getAndIncrement() == 0));
        }
        main.out.flush();
        main.err.printf("presence-audit: %,d notifications to %s in %s%s%n", listed.get(), recipient, topic,
                undecodable == 0 ? "" : String.format(" (%,d more could not be decoded; the notifier dead-lettered them)", undecodable));
        return ExitCodes.OK;
    }

    private void print(RecipientNotifications.Sent sent, boolean first) {
        StatusNotification n = sent.notification();
        PrintStream out = main.out;
        if (format == Format.JSON) {
            out.println(NotificationJson.render(n));
            return;
        }
        if (first) {
            out.printf(ROW, "LOGGED_AT", "POSITION", "USER", "VERSION", "STATUS", "REASON", "CUSTOM", "ID");
        }
        out.printf(ROW, sent.loggedAt(), sent.partition() + "@" + sent.offset(), n.getUserId(), n.getVersion(), n.getStatus(),
                n.getReason(), n.getCustomStatus(), n.getId());
    }
}
