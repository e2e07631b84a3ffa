package io.presence.bench.e2e;

import io.presence.bench.Scenario;
import io.presence.bench.ScenarioCommand;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "End-to-end latency: gateway HTTP call -> WebSocket frame through the real ingest, presence-streams and "
                + "presence-notifier, one open socket per user, every event a change; against an exactly-once Kafka Streams "
                + "passthrough on the same broker, at the service's default commit interval and at a low-latency one. "
                + "Needs about --sockets + 3000 open files (ulimit -n) in each of two JVMs.")
public final class E2eCommand extends ScenarioCommand {

    @Option(names = "--sockets", description = "Users, each with one open WebSocket. Default: 10000; --quick: 1000.")
    Integer sockets;

    @Option(names = "--rate", description = "Gateway events per second (each a status change), sent in 10 ms ticks. "
            + "Default: 10000; --quick: 2000.")
    Integer rate;

    @Option(names = "--duration", description = "Measured load per contender and setting. Default: PT60S; --quick: PT8S.")
    Duration duration;

    // 120 s: with 30 s the C2 compiler still took a quarter of the machine through the contender's measured
    // minute on a busy 2-core host (BENCHMARKS.md, e2e ninth session)
    @Option(names = "--warm-up", description = "Unmeasured load before each measured one; long enough for the JIT to settle. "
            + "Default: PT120S; --quick: PT3S.")
    Duration warmUp;

    @Option(names = "--commit-interval-ms", defaultValue = "20",
            description = "commit.interval.ms of the low-latency setting, for presence-streams "
                    + "(presence.streams.commit-interval) and the passthrough (default: ${DEFAULT-VALUE}).")
    int lowLatencyCommitMs;

    @Option(names = "--drain-timeout", defaultValue = "PT60S",
            description = "After a phase's last send, how long to wait for its last frame (default: ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Override
    protected Scenario scenario() {
        return new E2eScenario(new E2eScenario.Settings(size(sockets, 1_000, 10_000), size(rate, 2_000, 10_000),
                size(warmUp, Duration.ofSeconds(3), Duration.ofSeconds(120)), size(duration, Duration.ofSeconds(8), Duration.ofSeconds(60)),
                Duration.ofMillis(lowLatencyCommitMs), drainTimeout));
    }
}
