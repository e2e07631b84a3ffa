package io.presence.streams.audit;

import io.presence.schemas.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.apache.kafka.common.KafkaException;

/**
 * Runs one task per partition on a bounded pool. Partitions are independent (every record about a
 * user is in the user's partition), so they replay in parallel with no coordination; the pool size
 * also bounds how many partitions' fold state is in memory at once.
 */
final class ParallelPartitions {

    private ParallelPartitions() {
    }

    /** Partitions 0 … count-1. */
    static List<Integer> all(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            all.add(p);
        }
        return all;
    }

    static void run(List<Integer> partitions, int threads, IntConsumer task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, partitions.size())));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int partition : partitions) {
                running.add(pool.submit(() -> task.accept(partition)));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } catch (ExecutionException e) {
            throw asAuditFailure(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException("interrupted", ExitCodes.UNAVAILABLE, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException asAuditFailure(Throwable cause) {
        if (cause instanceof AuditException audit) {
            return audit;
        }
        if (cause instanceof SchemaRegistryException registry) {
            return new AuditException("schema registry: " + registry.getMessage(), ExitCodes.UNAVAILABLE, registry);
        }
        if (cause instanceof KafkaException kafka) {
            return new AuditException("Kafka: " + kafka.getMessage(), ExitCodes.UNAVAILABLE, kafka);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
