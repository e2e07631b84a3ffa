package io.presence.bench;

import io.presence.bench.e2e.E2eCommand;
import io.presence.bench.fanout.FanoutCommand;
import io.presence.bench.fold.FoldCommand;
import io.presence.bench.ingest.IngestCommand;
import io.presence.bench.query.QueryCommand;
import io.presence.bench.replay.ReplayCommand;
import io.presence.bench.timeouts.TimeoutsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bin/presence-bench <scenario> [--quick] [--bootstrap host:port] …} */
@Command(name = "presence-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the presence service, each with a baseline measured in the same run. "
                + "The last line of output is: RESULT scenario=<name> value=<n> unit=<unit> baseline=<n> ratio=<n>",
        subcommands = {FoldCommand.class, TimeoutsCommand.class, IngestCommand.class, FanoutCommand.class, QueryCommand.class,
                ReplayCommand.class, E2eCommand.class})
public final class BenchMain implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        // exit explicitly: client and broker threads left by a failed run must not keep the JVM alive
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a scenario: fold, timeouts, ingest, fanout, query, replay or e2e");
    }
}
