package io.presence.bench.query;

import io.presence.bench.Scenario;
import io.presence.bench.ScenarioCommand;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "GetUserStatus (POST /v1/status:query) with --users users in state on two presence-streams instances: "
                + "p50/p99 of a 500-id query (about half its ids owned by the other instance) and of a 1-id query, each at a "
                + "steady rate, against the same number of keys read from one instance's own store copies (no HTTP, no routing). "
                + "Goal: 500-id p99 <= 50 ms.")
public final class QueryCommand extends ScenarioCommand {

    @Option(names = "--users", description = "Users logged in and folded before the queries. Default: 1000000; --quick: 20000.")
    Integer users;

    @Option(names = "--phase", description = "How long each query size is measured. Default: PT60S; --quick: PT15S.")
    Duration phase;

    @Option(names = "--rate-500", defaultValue = "20", description = "500-id queries per second (default: ${DEFAULT-VALUE}).")
    double rate500;

    @Option(names = "--rate-1", description = "1-id queries per second. Default: 200; --quick: 100.")
    Double rate1;

    @Option(names = "--baseline-rounds", description = "Times the local reads of the baseline are timed. Default: 5000; --quick: 1000.")
    Integer baselineRounds;

    @Option(names = "--catch-up-timeout", defaultValue = "PT20M",
            description = "Give up folding the logins, or waiting for the standby copies, after this (default: ${DEFAULT-VALUE}).")
    Duration catchUpTimeout;

    @Override
    protected Scenario scenario() {
        return new QueryScenario(new QueryScenario.Settings(size(users, 20_000, 1_000_000),
                size(phase, Duration.ofSeconds(15), Duration.ofSeconds(60)), rate500, size(rate1, 100.0, 200.0),
                size(baselineRounds, 1_000, 5_000), catchUpTimeout));
    }
}
