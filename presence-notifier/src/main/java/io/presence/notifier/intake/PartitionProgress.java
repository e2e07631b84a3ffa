package io.presence.notifier.intake;

import io.presence.notifier.delivery.DeliveryTicket;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The offsets of one assigned partition that were consumed but are not finished yet. The committable
 * offset is the lowest unfinished one — everything below it is finished — or, when all are finished,
 * the consumer's position. Finishing happens on any thread (socket writes, webhook answers, dead-letter
 * acknowledgements); reading the committable offset happens on the consumer thread.
 */
final class PartitionProgress {

    private final ConcurrentSkipListSet<Long> unfinished = new ConcurrentSkipListSet<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private long lastCommitted = -1;
    private boolean consumedAny;

    /** Called on the consumer thread, in offset order, for every record it hands on. */
    DeliveryTicket begin(long offset) {
        unfinished.add(offset);
        inFlight.incrementAndGet();
        consumedAny = true;
        return new DeliveryTicket(() -> finish(offset));
    }

    int inFlight() {
        return inFlight.get();
    }

    boolean consumedAny() {
        return consumedAny;
    }

    /** The offset to commit given the consumer's position: all records before it are finished. */
    long committable(long position) {
        Long lowest = unfinished.ceiling(Long.MIN_VALUE);
        return lowest == null ? position : lowest;
    }

    boolean isCommitted(long offset) {
        return offset <= lastCommitted;
    }

    void committed(long offset) {
        lastCommitted = Math.max(lastCommitted, offset);
    }

    private void finish(long offset) {
        if (unfinished.remove(offset)) {
            inFlight.decrementAndGet();
        }
    }
}
