package io.presence.notifier.webhook;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code limit} webhook requests at once; the others wait their turn in arrival order, holding
 * no thread. Every recipient without a socket has a push of its own in flight, so after a popular
 * user's change thousands can be due together: unbounded, that is thousands of connections to one
 * push service (and as many of our file descriptors).
 */
final class RequestPermits {

    private final int limit;
    private final Executor completions;
    private final AtomicInteger running = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    /** @param completions runs what follows a finished request, so a request that ends at once cannot recurse into the next */
    RequestPermits(int limit, Executor completions) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one request at a time, was " + limit);
        }
        this.limit = limit;
        this.completions = completions;
    }

    /** Starts {@code request} when a permit is free; its permit is returned when the request's stage ends. */
    <T> CompletionStage<T> submit(Supplier<? extends CompletionStage<T>> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        waiting.add(() -> {
            CompletionStage<T> sent;
            try {
                sent = request.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenCompleteAsync((value, error) -> {
                running.decrementAndGet();
                drain();
                if (error == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(error);
                }
            }, completions);
        });
        drain();
        return result;
    }

    int running() {
        return running.get();
    }

    int waiting() {
        return waiting.size();
    }

    private void drain() {
        while (!waiting.isEmpty()) {
            int now = running.get();
            if (now >= limit) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            Runnable next = waiting.poll();
            if (next == null) {
                // another drain took it; give the permit back and look again
                running.decrementAndGet();
                continue;
            }
            next.run();
        }
    }
}
