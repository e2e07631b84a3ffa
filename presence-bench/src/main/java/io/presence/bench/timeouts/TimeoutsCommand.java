package io.presence.bench.timeouts;

import io.presence.bench.Scenario;
import io.presence.bench.ScenarioCommand;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "timeouts", mixinStandardHelpOptions = true,
        description = "Timeout detection: expiry latency (read committed - deadline) and the detector's cost per tick, "
                + "at a small and a large number of live connections with the same number coming due; the small size is the baseline.")
public final class TimeoutsCommand extends ScenarioCommand {

    @Option(names = "--small", description = "Live connections of the baseline size; all of them come due (plus 100 idle ones). Default: 100000; --quick: 10000.")
    Integer small;

    @Option(names = "--large", description = "Live connections of the large size; --small of them come due, the rest stay idle. "
            + "Default: 1000000; --quick: 50000.")
    Integer large;

    @Option(names = "--timeout", defaultValue = "PT20S", description = "Heartbeat timeout of the connections that come due (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--lead", description = "From loading the due logins to the first deadline; must cover loading and folding them. "
            + "Default: PT20S; --quick: PT5S.")
    Duration lead;

    @Option(names = "--spread", description = "Window over which the deadlines fall. Default: PT30S; --quick: PT8S.")
    Duration spread;

    @Option(names = "--catch-up-timeout", defaultValue = "PT10M", description = "Give up folding the logins after this (default: ${DEFAULT-VALUE}).")
    Duration catchUpTimeout;

    @Override
    protected Scenario scenario() {
        return new TimeoutsScenario(new TimeoutsScenario.Settings(size(small, 10_000, 100_000), size(large, 50_000, 1_000_000),
                timeout, size(lead, Duration.ofSeconds(5), Duration.ofSeconds(20)),
                size(spread, Duration.ofSeconds(8), Duration.ofSeconds(30)), catchUpTimeout));
    }
}
