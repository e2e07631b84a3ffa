package io.presence.bench.report;

import java.time.Duration;
import java.util.Locale;

/** A count of events over the time they took. */
public record Throughput(long events, Duration elapsed) {

    public double perSecond() {
        return elapsed.isZero() ? 0 : events * 1_000_000_000.0 / elapsed.toNanos();
    }

    public String format() {
        return String.format(Locale.ROOT, "%,d events in %.2f s = %,.0f events/s", events, elapsed.toNanos() / 1e9, perSecond());
    }
}
