package io.presence.bench.replay;

import io.presence.bench.Scenario;
import io.presence.bench.ScenarioCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay rate of the audit's verify (decode, validate, fold, map, compare) over a generated log of "
                + "--events events and their status changes, against a raw read of the same partitions by the same consumers; "
                + "alternated --rounds times, best of each. Goal: ratio >= 0.5.")
public final class ReplayCommand extends ScenarioCommand {

    @Option(names = "--events", description = "Events in the log (about 30 per user). Default: 5000000; --quick: 300000.")
    Long events;

    @Option(names = "--threads", description = "Partitions read in parallel, as verify's --threads (default: the CPU cores).")
    Integer threads;

    @Option(names = "--rounds", defaultValue = "2", description = "Raw read and verify, alternated this many times; the best of each counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    protected Scenario scenario() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ReplayScenario(new ReplayScenario.Settings(size(events, 300_000L, 5_000_000L), threads != null ? threads : cores,
                rounds));
    }
}
