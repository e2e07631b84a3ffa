package io.presence.bench;

import io.presence.bench.cluster.BenchCluster;
import io.presence.bench.report.BenchReport;
import java.nio.file.Path;

/** What a scenario gets to run with: the cluster, a scratch directory for Kafka Streams state, and its report. */
public record BenchRun(BenchCluster cluster, Path workDir, BenchReport report) {
}
