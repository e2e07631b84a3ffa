package io.presence.notifier.websocket;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One notification sent to all sockets of its recipient: reports once, when every socket has written
 * or failed its copy — delivered if at least one socket wrote it.
 */
final class FrameGroup {

    private final AtomicInteger pending;
    private final AtomicBoolean anyWritten = new AtomicBoolean();
    private final Runnable delivered;
    private final Runnable undelivered;

    FrameGroup(int sockets, Runnable delivered, Runnable undelivered) {
        this.pending = new AtomicInteger(sockets);
        this.delivered = delivered;
        this.undelivered = undelivered;
    }

    /** The copy for one socket; call once per socket. */
    OutgoingFrame frame(String text) {
        return new OutgoingFrame(text, this::written, this::partDone);
    }

    private void written() {
        anyWritten.set(true);
        partDone();
    }

    private void partDone() {
        if (pending.decrementAndGet() == 0) {
            (anyWritten.get() ? delivered : undelivered).run();
        }
    }
}
