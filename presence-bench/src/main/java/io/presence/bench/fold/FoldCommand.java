package io.presence.bench.fold;

import io.presence.bench.Scenario;
import io.presence.bench.ScenarioCommand;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fold", mixinStandardHelpOptions = true,
        description = "Fold throughput: the presence-streams topology (exactly_once_v2) over a pre-loaded presence.events, "
                + "from start to caught-up, against a get+put Kafka Streams app and a raw consume-produce loop on the same log.")
public final class FoldCommand extends ScenarioCommand {

    @Option(names = "--users", description = "Users (1.5 devices each). Default: 1000000; --quick: 30000.")
    Integer users;

    @Option(names = "--events-per-device", defaultValue = "20",
            description = "Events per device; 20 gives about 90 %% heartbeats (default: ${DEFAULT-VALUE}).")
    int eventsPerDevice;

    @Option(names = "--runs", defaultValue = "1",
            description = "Times each contender runs over the same log; the median run is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--threads", defaultValue = "1", description = "Kafka Streams threads of each Streams contender (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--catch-up-timeout", defaultValue = "PT1H", description = "Give up on a contender after this (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration catchUpTimeout;

    @Override
    protected Scenario scenario() {
        return new FoldScenario(new FoldScenario.Settings(size(users, 30_000, 1_000_000), eventsPerDevice, runs,
                threads, catchUpTimeout));
    }
}
