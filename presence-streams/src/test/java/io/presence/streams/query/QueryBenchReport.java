package io.presence.streams.query;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What the query benchmark prints: progress lines as it goes, and the RESULT lines of the
 * benchmarks' output contract (the same format as presence-bench's) at the very end, the headline
 * last, once everything the run started is closed.
 */
final class QueryBenchReport {

    static final double MICROS_PER_MS = 1e3;
    static final double NANOS_PER_MS = 1e6;

    private final PrintStream out;
    private final List<String> results = new ArrayList<>();

    QueryBenchReport(PrintStream out) {
        this.out = out;
    }

    void say(String format, Object... args) {
        out.println("[query] " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** Percentiles of a histogram recorded in units of which {@code perMs} make a millisecond. */
    void latency(String what, Histogram histogram, double perMs) {
        say("%s: n=%d p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f mean=%.3f ms", what, histogram.getTotalCount(),
                ms(histogram, 50, perMs), ms(histogram, 90, perMs), ms(histogram, 99, perMs), ms(histogram, 99.9, perMs),
                histogram.getMaxValue() / perMs, histogram.getMean() / perMs);
    }

    /** {@code RESULT scenario=<scenario> value=<n> unit=ms baseline=<n> ratio=<n>}; call the headline last. */
    void result(String scenario, double valueMs, double baselineMs) {
        double ratio = baselineMs == 0 ? Double.NaN : valueMs / baselineMs;
        results.add("RESULT scenario=" + scenario + " value=" + plain(valueMs, 3) + " unit=ms baseline=" + plain(baselineMs, 3)
                + " ratio=" + plain(ratio, 3));
    }

    void printResults() {
        results.forEach(out::println);
        out.flush();
    }

    static double ms(Histogram histogram, double percentile, double perMs) {
        return histogram.getValueAtPercentile(percentile) / perMs;
    }

    /** Plain decimal notation (never an exponent), rounded half-up, without trailing zeros. */
    private static String plain(double n, int decimals) {
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            return "NaN";
        }
        BigDecimal rounded = BigDecimal.valueOf(n).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
