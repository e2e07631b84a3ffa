package io.presence.streams.audit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr (records read of the total, rate, ETA), redrawn every second by
 * its own daemon thread so the readers only bump a counter. Stdout stays clean for the answer.
 */
final class ReplayProgress implements AutoCloseable {

    private static final int WIDTH = 30;

    private final AtomicLong done = new AtomicLong();
    private final String label;
    private final long total;
    private final PrintStream err;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;

    private ReplayProgress(String label, long total, PrintStream err, boolean shown) {
        this.label = label;
        this.total = total;
        this.err = err;
        if (shown) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "audit-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    static ReplayProgress shown(String label, long total, PrintStream err) {
        return new ReplayProgress(label, total, err, true);
    }

    static ReplayProgress hidden() {
        return new ReplayProgress("", 0, null, false);
    }

    void advance(long records) {
        done.addAndGet(records);
    }

    long done() {
        return done.get();
    }

    /** Records per second since the start. */
    double rate() {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        return done.get() / seconds;
    }

    private void draw() {
        err.print("\r" + line());
        err.flush();
    }

    private String line() {
        long now = done.get();
        double fraction = total == 0 ? 1 : Math.min(1, (double) now / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = rate();
        long etaSeconds = rate < 1 ? -1 : (long) ((total - now) / rate);
        return String.format("%s [%s%s] %3d%% %,d/%,d records %,.0f rec/s ETA %s   ", label,
                "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(fraction * 100), now, total, rate,
                etaSeconds < 0 ? "?" : Duration.ofSeconds(Math.max(0, etaSeconds)).toString().substring(2).toLowerCase());
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            draw();
            err.println();
        }
    }
}
