package io.presence.bench.report;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a progress printer at a fixed interval on its own daemon thread until closed. */
public final class ProgressTicker implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });

    public ProgressTicker(Duration interval, Runnable printer) {
        long ms = interval.toMillis();
        timer.scheduleAtFixedRate(printer, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
