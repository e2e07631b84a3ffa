package io.presence.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark prints: progress and figures as it goes, and the RESULT lines at the very end,
 * after everything it started is closed, so that nothing (a late log line, a closing thread) can
 * come after the headline.
 */
public final class BenchReport {

    private final PrintStream out;
    private final String scenario;
    private final List<ResultLine> secondary = new ArrayList<>();
    private ResultLine headline;

    public BenchReport(PrintStream out, String scenario) {
        this.out = out;
        this.scenario = scenario;
    }

    public String scenario() {
        return scenario;
    }

    /** A human-readable line, prefixed with the scenario. */
    public synchronized void say(String format, Object... args) {
        out.println("[" + scenario + "] " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    public void latency(String what, LatencySummary summary) {
        say("%s: %s", what, summary.format());
    }

    /** A secondary figure, printed as {@code RESULT scenario=<scenario>/<figure> …}. */
    public synchronized void result(String figure, double value, String unit, double baseline) {
        secondary.add(new ResultLine(scenario + "/" + figure, value, unit, baseline));
    }

    /** The scenario's main figure, printed last as {@code RESULT scenario=<scenario> …}. */
    public synchronized void headline(double value, String unit, double baseline) {
        headline = new ResultLine(scenario, value, unit, baseline);
    }

    /** Prints the collected RESULT lines, the headline last. */
    public synchronized void printResults() {
        if (headline == null) {
            throw new IllegalStateException("scenario " + scenario + " finished without a headline figure");
        }
        secondary.forEach(line -> out.println(line.format()));
        out.println(headline.format());
        out.flush();
    }

    /** The lines {@link #printResults()} prints, in order. */
    public synchronized List<ResultLine> results() {
        List<ResultLine> all = new ArrayList<>(secondary);
        if (headline != null) {
            all.add(headline);
        }
        return List.copyOf(all);
    }
}
