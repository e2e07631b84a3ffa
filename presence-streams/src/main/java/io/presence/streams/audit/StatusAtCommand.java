package io.presence.streams.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code status-at}: status records as of an instant (R-AUD-1). */
@Command(name = "status-at", mixinStandardHelpOptions = true,
        description = "Every user's status record (or the named users') as of an instant, from presence.events alone. "
                + "As of T = each partition's records up to the first one whose record timestamp is after T.")
final class StatusAtCommand implements Callable<Integer> {

    @ParentCommand
    AuditMain main;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ReplayThreads parallel;

    @Option(names = "--at", required = true, paramLabel = "INSTANT", description = "ISO-8601 instant, e.g. 2026-11-26T04:00:00Z")
    Instant at;

    @Option(names = "--user", paramLabel = "USER", description = "only these users (repeatable); reads only their partitions")
    List<String> users = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, json or csv (default: table)")
    StatusRecordWriter.Format format = StatusRecordWriter.Format.TABLE;

    @Override
    public Integer call() {
        users.forEach(user -> UserIds.require("--user", user));
        StatusRecordWriter writer = StatusRecordWriter.of(format, main.out);
        try (AuditCluster connected = cluster.connect()) {
            var replay = new StatusAtReplay(connected, cluster.layout().events().name(), parallel.threads);
            writer.begin();
            replay.run(at, new LinkedHashSet<>(users), cluster.progress(main.err), records -> records.forEach(writer::write));
            writer.end();
        }
        return ExitCodes.OK;
    }
}
