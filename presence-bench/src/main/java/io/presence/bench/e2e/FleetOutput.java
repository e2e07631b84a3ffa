package io.presence.bench.e2e;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * The fleet's stdout, written by one thread: sockets' callbacks only enqueue, so a slow pipe never
 * delays the reading of a frame (its arrival time is taken before it is queued). A line can be left
 * for that thread to make, so that decoding a frame does not hold up the reading of the next one.
 */
final class FleetOutput implements AutoCloseable {

    private static final Supplier<FleetLine> END = () -> null;

    private final BlockingQueue<Supplier<FleetLine>> lines = new LinkedBlockingQueue<>();
    private final BufferedWriter out;
    private final Thread writer = new Thread(this::writeUntilClosed, "fleet-output");

    FleetOutput(PrintStream stdout) {
        this.out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
        writer.start();
    }

    void write(FleetLine line) {
        lines.add(() -> line);
    }

    /** Writes the line {@code making} makes, made on the writer's thread. */
    void writeLater(Supplier<FleetLine> making) {
        lines.add(making);
    }

    private void writeUntilClosed() {
        try {
            while (true) {
                Supplier<FleetLine> line = lines.take();
                if (line == END) {
                    out.flush();
                    return;
                }
                out.write(line.get().format());
                out.newLine();
                if (lines.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("the bench stopped reading the fleet's output", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        lines.add(END);
        writer.join(10_000);
    }
}
