package io.presence.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The process's own meters on a service's {@code /metrics}: heap and its pools, GC pauses and
 * allocation, threads, CPU, classes, uptime (Micrometer's standard JVM binders, so the names are the
 * ones every JVM dashboard knows: {@code jvm_memory_used_bytes}, {@code jvm_gc_pause_seconds}, …).
 * A service's latency is often its collector's; without these an operator cannot tell.
 *
 * <p>{@link HttpEdge}, which serves {@code /metrics}, binds them and closes them with itself: the GC
 * meters listen to the JVM's collection notifications.
 */
final class JvmMeters implements AutoCloseable {

    private final JvmGcMetrics gc;

    private JvmMeters(JvmGcMetrics gc) {
        this.gc = gc;
    }

    static JvmMeters bindTo(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return new JvmMeters(gc);
    }

    @Override
    public void close() {
        gc.close();
    }
}
