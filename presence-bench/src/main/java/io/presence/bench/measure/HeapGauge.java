package io.presence.bench.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap in use, as live data: measured right after a full GC, so garbage in flight does not count.
 * With the embedded broker the whole JVM (broker, registry, contender) is measured; comparing two
 * moments of one contender's run isolates what it retains.
 */
public final class HeapGauge {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapGauge() {
    }

    /** Heap used after a full collection, in bytes. */
    public static long liveBytes() {
        // System.gc() is a request; two in a row make the old generation's count settle with G1
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    public static double mebibytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
