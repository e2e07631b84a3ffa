package io.presence.notifier.websocket;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * One client's socket: its frames go out through Jetty's asynchronous writes, at most
 * {@code sendQueue} of them not yet written. A client that does not keep up is dropped rather than
 * allowed to hold memory or anyone else's delivery. Every frame ends exactly once, written or failed:
 * the write callback and the close path both take it from {@code unsent} under the lock, and only the
 * one that found it reports it.
 */
final class ClientSocket {

    private final Session session;
    private final String recipientId;
    private final int partition;
    private final Instant tokenExpiresAt;
    private final int sendQueue;
    private final SocketMeters meters;
    private final ArrayDeque<OutgoingFrame> unsent = new ArrayDeque<>();
    private boolean closed;
    private long lastProgressNanos = System.nanoTime();
    private long lastPingNanos = System.nanoTime();
    private final long openedNanos = System.nanoTime();

    ClientSocket(Session session, String recipientId, int partition, Instant tokenExpiresAt, int sendQueue, SocketMeters meters) {
        this.session = session;
        this.recipientId = recipientId;
        this.partition = partition;
        this.tokenExpiresAt = tokenExpiresAt;
        this.sendQueue = sendQueue;
        this.meters = meters;
    }

    String recipientId() {
        return recipientId;
    }

    int partition() {
        return partition;
    }

    long openedNanos() {
        return openedNanos;
    }

    /** A token is checked once, at the upgrade; a socket must not outlive it, or a revoked user keeps listening. */
    boolean tokenExpired(Instant now) {
        return !now.isBefore(tokenExpiresAt);
    }

    /**
     * Queues the frame for writing. False when the send queue is full: the frame has failed and the
     * caller drops the socket. A frame for a closed socket fails (true: nothing more to do).
     */
    boolean send(OutgoingFrame frame) {
        boolean queued;
        boolean full = false;
        synchronized (this) {
            queued = !closed && unsent.size() < sendQueue;
            if (queued) {
                if (unsent.isEmpty()) {
                    lastProgressNanos = System.nanoTime();
                }
                unsent.addLast(frame);
            } else {
                full = !closed;
            }
        }
        if (!queued) {
            meters.frameFailed();
            frame.failed();
            return !full;
        }
        WriteCallback callback = callbackFor(frame);
        try {
            session.getRemote().sendString(frame.text(), callback);
        } catch (RuntimeException e) {
            // Jetty reports a closed session through the callback; anything thrown instead ends the frame the same way
            callback.writeFailed(e);
        }
        return true;
    }

    private WriteCallback callbackFor(OutgoingFrame frame) {
        return new WriteCallback() {
            @Override
            public void writeSuccess() {
                if (take(frame)) {
                    meters.frameSent();
                    frame.written();
                }
            }

            @Override
            public void writeFailed(Throwable error) {
                if (take(frame)) {
                    meters.frameFailed();
                    frame.failed();
                }
            }
        };
    }

    /** True when frames have waited longer than {@code sendTimeoutNanos} without any being written. */
    synchronized boolean isStalled(long nowNanos, long sendTimeoutNanos) {
        return !unsent.isEmpty() && nowNanos - lastProgressNanos > sendTimeoutNanos;
    }

    /** Sends a keep-alive ping if the last one is {@code intervalNanos} old; async, so a stuck socket cannot block the ticker. */
    void pingIfDue(long nowNanos, long intervalNanos) {
        if (nowNanos - lastPingNanos < intervalNanos || isClosed()) {
            return;
        }
        lastPingNanos = nowNanos;
        session.getRemote().sendPing(ByteBuffer.allocate(0), WriteCallback.NOOP);
    }

    /** Ends the socket for {@code reason}: frames still unsent fail (in order), then the connection closes. */
    void close(CloseReason reason) {
        if (!markClosed()) {
            return;
        }
        if (reason.code() == 0) {
            // a client that does not read would not read a close frame either
            session.disconnect();
        } else {
            session.close(reason.code(), reason.text());
        }
    }

    /** The connection ended from the other side: frames still unsent fail. */
    void closedByPeer() {
        markClosed();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private boolean markClosed() {
        List<OutgoingFrame> failed;
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            failed = new ArrayList<>(unsent);
            unsent.clear();
        }
        for (OutgoingFrame frame : failed) {
            meters.frameFailed();
            frame.failed();
        }
        return true;
    }

    private synchronized boolean take(OutgoingFrame frame) {
        boolean found = unsent.remove(frame);
        if (found) {
            lastProgressNanos = System.nanoTime();
        }
        return found;
    }
}
