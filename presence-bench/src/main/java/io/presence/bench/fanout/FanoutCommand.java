package io.presence.bench.fanout;

import io.presence.bench.Scenario;
import io.presence.bench.ScenarioCommand;
import io.presence.streams.fanout.FanoutSettings;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "Notification fan-out: a target with --subscribers subscribers changes status; the time until its last "
                + "notification is committed (goal <= 2 s) against a raw producer writing the same records, and the p99 of other "
                + "users' changes while it runs against the same load without it.")
public final class FanoutCommand extends ScenarioCommand {

    @Option(names = "--subscribers", defaultValue = "100000",
            description = "Subscribers of the target, each with its own SUBSCRIBE command (default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(names = "--others", defaultValue = "500", description = "Other users changing status meanwhile (default: ${DEFAULT-VALUE}).")
    int others;

    @Option(names = "--rate", defaultValue = "200", description = "Changes of other users per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--quiet", description = "How long the other users' load runs alone, for the baseline p99. Default: PT10S; --quick: PT4S.")
    Duration quiet;

    @Option(names = "--max-recipients-per-turn",
            description = "presence.streams.fanout.max-recipients-per-turn of the topology (default: the service's default).")
    Integer maxRecipientsPerTurn;

    @Option(names = "--catch-up-timeout", defaultValue = "PT10M",
            description = "Give up indexing the subscriptions, or fanning out, after this (default: ${DEFAULT-VALUE}).")
    Duration catchUpTimeout;

    @Override
    protected Scenario scenario() {
        FanoutSettings service = FanoutSettings.defaults();
        FanoutSettings fanout = maxRecipientsPerTurn == null ? service
                : new FanoutSettings(service.friendsNotified(), service.tick(), maxRecipientsPerTurn);
        return new FanoutScenario(new FanoutScenario.Settings(subscribers, others, rate,
                size(quiet, Duration.ofSeconds(4), Duration.ofSeconds(10)), fanout, catchUpTimeout));
    }
}
