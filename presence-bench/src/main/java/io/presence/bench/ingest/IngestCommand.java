package io.presence.bench.ingest;

import io.presence.bench.Scenario;
import io.presence.bench.ScenarioCommand;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest throughput: gateway batches of 1000 over HTTP to an in-process presence-ingest, events/s durable in Kafka, "
                + "against the raw producer writing the same events; and the latency of one batch call at half the peak rate.")
public final class IngestCommand extends ScenarioCommand {

    @Option(names = "--events", description = "Gateway events. Default: 4000000; --quick: 1000000.")
    Integer events;

    @Option(names = "--in-flight", defaultValue = "8", description = "Batch calls outstanding at peak, like gateway connections (default: ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--paced-for", description = "Length of each half-peak latency run. Default: PT30S; --quick: PT10S.")
    Duration pacedFor;

    @Override
    protected Scenario scenario() {
        return new IngestScenario(new IngestScenario.Settings(size(events, 1_000_000, 4_000_000), inFlight,
                size(pacedFor, Duration.ofSeconds(10), Duration.ofSeconds(30))));
    }
}
