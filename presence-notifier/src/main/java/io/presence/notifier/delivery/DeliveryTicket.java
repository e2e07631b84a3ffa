package io.presence.notifier.delivery;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The consumer's hold on one offset. Whoever ends the notification's journey — a socket took it, the
 * webhook answered 2xx, a newer version made it obsolete, it was dead-lettered, no channel exists —
 * finishes the ticket; only then may the offset be committed. A notification whose ticket is never
 * finished (its partition moved, the process died) is read again from the last committed offset.
 */
public final class DeliveryTicket {

    private final AtomicBoolean finished = new AtomicBoolean();
    private final Runnable onFinished;

    public DeliveryTicket(Runnable onFinished) {
        this.onFinished = onFinished;
    }

    /** Idempotent: the first call releases the offset, later ones do nothing. */
    public void finish() {
        if (finished.compareAndSet(false, true)) {
            onFinished.run();
        }
    }
}
