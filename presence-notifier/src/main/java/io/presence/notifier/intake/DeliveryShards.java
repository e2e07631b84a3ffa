package io.presence.notifier.intake;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that take consumed notifications on from the consumer: decoding, rendering and the
 * socket writes. Every record of one recipient (the record key) runs on the same thread, in the order
 * consumed, so a recipient's notifications stay in order (R-NOT-2). Why more than the consumer
 * thread: a socket write is a system call per frame (≈ 15 µs on the benchmark machine), so one
 * thread's writes cap what an instance can deliver, at some 60 000 frames/s there.
 */
final class DeliveryShards {

    private static final Logger log = LoggerFactory.getLogger(DeliveryShards.class);

    private final ExecutorService[] threads;

    DeliveryShards(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("delivery threads must be at least 1, was " + count);
        }
        threads = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            String name = "presence-notifier-delivery-" + i;
            threads[i] = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** Runs {@code work} after everything handed in before for the same key. */
    void execute(byte[] key, Runnable work) {
        threads[shardOf(key, threads.length)].execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // the work ends its own failures (dead letters); anything escaping is a bug, but must not end the thread
                log.error("delivering a notification failed unexpectedly; it stays unfinished and is redelivered", e);
            }
        });
    }

    static int shardOf(byte[] key, int count) {
        return key == null ? 0 : Math.floorMod(Arrays.hashCode(key), count);
    }

    /**
     * Finishes what was handed in, up to {@code grace}; what is left then stays unfinished (its offset
     * uncommitted), so it is delivered again after a restart.
     */
    void close(Duration grace) {
        for (ExecutorService thread : threads) {
            thread.shutdown();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (ExecutorService thread : threads) {
                if (!thread.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    thread.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Arrays.stream(threads).forEach(ExecutorService::shutdownNow);
        }
    }
}
