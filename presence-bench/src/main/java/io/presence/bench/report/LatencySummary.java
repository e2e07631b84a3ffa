package io.presence.bench.report;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram recorded in microseconds (or, for reads that take a few
 * microseconds, nanoseconds), reported in milliseconds. Built once from a histogram that is no
 * longer written to. The 1st percentile is the fixed part of a path: in a stage that batches
 * (a commit interval), it is what a record that just makes a batch still pays.
 */
public record LatencySummary(long count, double p1Ms, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
                             double maxMs, double meanMs) {

    private static final double MICROS_PER_MS = 1000.0;
    private static final double NANOS_PER_MS = 1_000_000.0;

    /** A histogram for latencies up to an hour at 3 significant digits, in microseconds. */
    public static Histogram newMicrosHistogram() {
        return new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    }

    /** A histogram for latencies up to a minute at 3 significant digits, in nanoseconds. */
    public static Histogram newNanosHistogram() {
        return new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
    }

    public static LatencySummary of(Histogram micros) {
        return of(micros, MICROS_PER_MS);
    }

    public static LatencySummary ofNanos(Histogram nanos) {
        return of(nanos, NANOS_PER_MS);
    }

    private static LatencySummary of(Histogram h, double perMs) {
        return new LatencySummary(h.getTotalCount(), h.getValueAtPercentile(1) / perMs,
                h.getValueAtPercentile(50) / perMs, h.getValueAtPercentile(90) / perMs,
                h.getValueAtPercentile(99) / perMs, h.getValueAtPercentile(99.9) / perMs,
                h.getMaxValue() / perMs, h.getTotalCount() == 0 ? 0 : h.getMean() / perMs);
    }

    /** Three decimals: a microsecond is the finest step worth printing in milliseconds. */
    public String format() {
        return String.format(Locale.ROOT, "n=%d p1=%.3f p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f mean=%.3f ms",
                count, p1Ms, p50Ms, p90Ms, p99Ms, p999Ms, maxMs, meanMs);
    }
}
