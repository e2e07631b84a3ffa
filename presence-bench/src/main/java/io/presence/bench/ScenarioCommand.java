package io.presence.bench;

import io.presence.bench.cluster.BenchCluster;
import io.presence.bench.measure.DirectorySize;
import io.presence.bench.report.BenchReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one scenario: starts (or connects to) the cluster, runs it, closes everything it started,
 * and only then prints the RESULT lines, so the headline is the last line of output.
 */
public abstract class ScenarioCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    /** The scenario, built from this command's options. */
    protected abstract Scenario scenario();

    /** {@code given} if the option was given, else the quick or full default. */
    protected <T> T size(T given, T quickSize, T fullSize) {
        return options.size(given, quickSize, fullSize);
    }

    @Override
    public Integer call() throws Exception {
        BenchReport report = new BenchReport(System.out, spec.name());
        long started = System.nanoTime();
        report.say("%s sizes; %s", options.quick() ? "quick" : "full",
                options.bootstrap == null ? "starting an embedded Kafka broker and schema registry" : "cluster " + options.bootstrap);
        Path workDir = options.workDir();
        try (BenchCluster cluster = options.startCluster()) {
            scenario().run(new BenchRun(cluster, workDir, report));
        } finally {
            if (options.ownsWorkDir()) {
                DirectorySize.delete(workDir);
            }
        }
        report.say("done in %d s", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        report.printResults();
        return 0;
    }
}
