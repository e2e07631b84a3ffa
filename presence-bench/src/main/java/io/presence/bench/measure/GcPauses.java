package io.presence.bench.measure;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * This JVM's garbage collections so far, as its collector beans count them (with G1: the young and
 * the full collections, each a pause of every thread). Two readings bracket a phase, so a report can
 * say how often the JVM that holds the broker and the services stopped while latencies were measured.
 */
public record GcPauses(long collections, Duration time) {

    public static GcPauses now() {
        long collections = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            // -1: this collector does not tell
            collections += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new GcPauses(collections, Duration.ofMillis(millis));
    }

    /** The collections between {@code earlier} and this reading. */
    public GcPauses since(GcPauses earlier) {
        return new GcPauses(collections - earlier.collections, time.minus(earlier.time));
    }
}
