package io.presence.bench.e2e;

import io.presence.bench.report.BenchReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's side of the socket fleet ({@link SocketFleetMain} in a child JVM on the bench's
 * classpath): starts it, reads its lines on a thread of its own and hands each notification frame
 * to the current sink. Arrival times are the child's System.nanoTime, which on Linux is the
 * system-wide monotonic clock, the same in both JVMs; the child's first line proves it.
 */
final class SocketFleet implements FrameSource, AutoCloseable {

    private static final String CHILD_HEAP = "-Xmx1g";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final int LOST_REPORTED = 5;

    private final Process process;
    private final BenchReport report;
    private final long launchedNanos;
    private final Thread reader;
    private final AtomicLong lost = new AtomicLong();
    private volatile FrameSink sink = FrameSink.NONE;
    private volatile Integer allReady;
    private volatile String failure;
    private volatile boolean closing;

    private SocketFleet(Process process, BenchReport report, long launchedNanos) {
        this.process = process;
        this.report = report;
        this.launchedNanos = launchedNanos;
        this.reader = new Thread(this::readLines, "bench-socket-fleet");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the fleet: one socket per user of {@code plan} on {@code url}, tokens signed with {@code secret}. */
    static SocketFleet start(String url, ChangePlan plan, String secret, BenchReport report) {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), CHILD_HEAP,
                "-cp", System.getProperty("java.class.path"), SocketFleetMain.class.getName(),
                url, plan.prefix(), Integer.toString(plan.users())))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(SocketFleetMain.SECRET_ENV, secret);
        long launched = System.nanoTime();
        try {
            return new SocketFleet(builder.start(), report, launched);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the socket fleet", e);
        }
    }

    /** Blocks until every socket is served; fails with the fleet's reason if it cannot be. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (allReady == null) {
            if (failure != null) {
                throw new IllegalStateException("the socket fleet failed: " + failure);
            }
            if (!process.isAlive() || System.nanoTime() > giveUp) {
                throw new IllegalStateException("the socket fleet " + (process.isAlive() ? "was not ready within " + timeout
                        : "exited with " + process.exitValue()) + " (its log is on stderr)");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void deliverTo(FrameSink sink) {
        this.sink = sink;
    }

    /** Sockets closed or failed after they were served. */
    long lost() {
        return lost.get();
    }

    private void readLines() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                take(FleetLine.parse(line), System.nanoTime());
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                failure = "reading its output failed: " + e;
            }
        }
    }

    private void take(FleetLine line, long readNanos) {
        if (line instanceof FleetLine.Frame frame) {
            sink.frame(frame.userId(), frame.version(), frame.status(), frame.arrivalNanos());
        } else if (line instanceof FleetLine.Clock clock) {
            // a clock of its own would put the child's stamps anywhere; one clock puts them between these two
            if (clock.nanos() < launchedNanos || clock.nanos() > readNanos) {
                failure = "its System.nanoTime is not this JVM's (not between launch and now), so its arrival times cannot be compared";
            }
        } else if (line instanceof FleetLine.Ready ready) {
            report.say("  %,d sockets open and served", ready.sockets());
        } else if (line instanceof FleetLine.AllReady ready) {
            allReady = ready.sockets();
        } else if (line instanceof FleetLine.Lost gone && !closing && lost.incrementAndGet() <= LOST_REPORTED) {
            report.say("WARNING: the socket of %s was lost: %d %s", gone.userId(), gone.code(), gone.reason());
        } else if (line instanceof FleetLine.Failed failed) {
            failure = failed.reason();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the child is gone already: nothing to tell
        }
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        reader.join(STOP_TIMEOUT.toMillis());
    }
}
