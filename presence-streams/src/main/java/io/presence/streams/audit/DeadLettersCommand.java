package io.presence.streams.audit;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dead-letters}: what is in {@code presence.dlq}, where each record came from, and why it died. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "Lists the records in presence.dlq (every stage's): when each was dead-lettered, the stage and reason, "
                + "the topic, partition and offset it came from, its key and the error message. "
                + "A count by stage and reason follows on stderr. --from/--to select by when each was dead-lettered. Needs no schema registry.")
final class DeadLettersCommand implements Callable<Integer> {

    @ParentCommand
    AuditMain main;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    DeadLetterFilter filter;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (JSON Lines: one object a line; default: table)")
    DeadLetterRows.Format format = DeadLetterRows.Format.TABLE;

    @Override
    public Integer call() {
        DeadLetterRows rows = DeadLetterRows.of(format, main.out);
        DeadLetterTally listed = new DeadLetterTally();
        AtomicLong read = new AtomicLong();
        String dlq = cluster.layout().dlq().name();
        try (AuditCluster connected = cluster.connectWithoutRegistry()) {
            DeadLetterScan.each(connected, dlq, cluster.progress(main.err), letter -> {
                read.incrementAndGet();
                if (filter.matches(letter)) {
                    rows.write(letter);
                    listed.add(letter.stage() + "/" + letter.reason());
                }
            });
        }
        main.out.flush();
        main.err.printf("presence-audit: %,d of %,d dead letters in %s listed%s%n", listed.total(), read.get(), dlq,
                listed.total() == 0 ? "" : " (" + listed + ")");
        return ExitCodes.OK;
    }
}
