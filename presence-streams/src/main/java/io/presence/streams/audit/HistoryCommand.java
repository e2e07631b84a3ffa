package io.presence.streams.audit;

import io.presence.streams.avro.PresenceEventMapper;
import io.presence.streams.avro.UserStatusMapper;
import io.presence.streams.session.SessionEvent;
import io.presence.streams.session.StatusTransition;
import io.presence.streams.session.UserPresence;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code history}: one user's changes, old → new, each with the event that caused it (R-AUD-1). */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Each change of one user's status: time, version, old -> new, and the causing event. "
                + "--from/--to select by the change's time.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    AuditMain main;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--user", required = true, paramLabel = "USER")
    String user;

    /** Held against each change's time (its cause's timestamp). */
    @Mixin
    TimeWindow window;

    @Override
    public Integer call() {
        UserIds.require("--user", user);
        AtomicInteger listed = new AtomicInteger();
        try (AuditCluster connected = cluster.connect()) {
            new HistoryReplay(connected, cluster.layout().events().name())
                    .run(user, window, cluster.progress(main.err), change -> {
                        print(change, main.out);
                        listed.incrementAndGet();
                    });
        }
        if (listed.get() == 0) {
            main.err.println("presence-audit: no change of " + user + "'s status in presence.events"
                    + (window.isAll() ? "" : " " + window) + " (a user never seen is UNLOGINED, version 0)");
        }
        return ExitCodes.OK;
    }

    /** One line per change, e.g. {@code 2026-…Z v3 ONLINE "" -> OFFLINE "" devices phone:DISCONNECTED cause DISCONNECT …}. */
    static String describe(StatusTransition change) {
        SessionEvent cause = change.cause();
        return String.format("%s v%d %s -> %s devices [%s] cause %s eventId=%s source=%s device=%s connection=%s",
                Instant.ofEpochMilli(change.at()), change.current().version(), visible(change.previous()),
                visible(change.current()), devices(change.current()), PresenceEventMapper.typeOf(cause),
                cause.eventId(), cause.source(), deviceOf(cause), connectionOf(cause));
    }

    private static void print(StatusTransition change, PrintStream out) {
        out.println(describe(change));
    }

    private static String visible(UserPresence presence) {
        return presence.status() + (presence.customStatus().isEmpty() ? "" : " \"" + presence.customStatus() + "\"");
    }

    private static String devices(UserPresence presence) {
        return StatusRecordWriter.devices(UserStatusMapper.toUserStatus(presence).getDevices());
    }

    private static String deviceOf(SessionEvent cause) {
        return cause instanceof SessionEvent.OfDevice device ? device.deviceId() : "-";
    }

    /** The public event spells the connection for every type that has one; no second instanceof chain. */
    private static String connectionOf(SessionEvent cause) {
        String connection = PresenceEventMapper.toPresenceEvent(cause).getConnectionId();
        return connection == null ? "-" : connection;
    }
}
