package io.presence.bench;

/** One benchmark scenario: it measures, prints progress and figures, and records RESULT lines in the run's report. */
public interface Scenario {

    void run(BenchRun run) throws Exception;
}
