package io.presence.bench.report;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram recorded in microseconds, reported in milliseconds. Built
 * once from a histogram that is no longer written to.
 */
public record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {

    private static final double MICROS_PER_MS = 1000.0;

    /** A histogram for latencies up to an hour at 3 significant digits, in microseconds. */
    public static Histogram newMicrosHistogram() {
        return new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    }

    public static LatencySummary of(Histogram micros) {
        return new LatencySummary(micros.getTotalCount(),
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()), micros.getTotalCount() == 0 ? 0 : micros.getMean() / MICROS_PER_MS);
    }

    public String format() {
        return String.format(Locale.ROOT, "n=%d p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f mean=%.2f ms",
                count, p50Ms, p90Ms, p99Ms, p999Ms, maxMs, meanMs);
    }

    private static double ms(long micros) {
        return micros / MICROS_PER_MS;
    }
}
