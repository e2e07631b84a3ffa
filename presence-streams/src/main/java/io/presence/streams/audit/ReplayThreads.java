package io.presence.streams.audit;

import picocli.CommandLine.Option;

/** For the commands that replay every partition ({@code status-at}, {@code verify}): how many at once. */
final class ReplayThreads {

    @Option(names = "--threads", paramLabel = "N", description = "partitions replayed in parallel (default: CPU cores)")
    int threads = Runtime.getRuntime().availableProcessors();
}
