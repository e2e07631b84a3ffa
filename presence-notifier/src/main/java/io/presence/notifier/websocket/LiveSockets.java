package io.presence.notifier.websocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.presence.http.ApiException;
import io.presence.notifier.delivery.LiveClients;
import io.presence.notifier.delivery.Notification;
import io.presence.notifier.delivery.OwnedPartitions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open sockets this instance serves, by recipient. A socket is admitted only while its user's
 * partition is owned here, and a revocation closes the sockets of the partitions it takes away; both
 * happen under one lock, so no socket can slip in for a partition just revoked (it would never get a
 * notification again).
 */
public final class LiveSockets implements LiveClients {

    /** Whether a socket was taken, or belongs to a partition another instance serves. */
    enum Admission {
        ADMITTED, NOT_OWNED
    }

    private static final Duration CAPACITY_RETRY_AFTER = Duration.ofSeconds(5);

    private final Map<String, Set<ClientSocket>> byRecipient = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final OwnedPartitions owned;
    private final SocketSettings settings;
    private final SocketMeters meters;
    private final Object ownership = new Object();

    public LiveSockets(OwnedPartitions owned, SocketSettings settings, MeterRegistry registry) {
        this.owned = owned;
        this.settings = settings;
        this.meters = new SocketMeters(registry, open::get);
    }

    /** Refuses one more socket while this instance holds its maximum (SocketSettings#maxOpen). */
    void checkCapacity() {
        if (open.get() >= settings.maxOpen()) {
            meters.refusedAtCapacity();
            throw ApiException.unavailable("this notifier instance holds its maximum of " + settings.maxOpen()
                    + " sockets; try again in a moment", CAPACITY_RETRY_AFTER, null);
        }
    }

    SocketMeters meters() {
        return meters;
    }

    SocketSettings settings() {
        return settings;
    }

    /**
     * Serves the socket if its partition is owned here; with {@code announce}, its first frame, before
     * any notification, says so ({@code ready}).
     */
    Admission admit(ClientSocket socket, boolean announce) {
        List<ClientSocket> surplus;
        synchronized (ownership) {
            if (!owned.owns(socket.partition())) {
                return Admission.NOT_OWNED;
            }
            if (announce) {
                socket.send(OutgoingFrame.control(ControlFrames.ready(socket.recipientId())));
            }
            Set<ClientSocket> all = byRecipient.compute(socket.recipientId(), (recipient, sockets) -> {
                Set<ClientSocket> held = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
                held.add(socket);
                return held;
            });
            // the oldest go: a client reconnecting in a loop leaves dead sockets behind, its newest is the live one
            surplus = all.stream().sorted(Comparator.comparingLong(ClientSocket::openedNanos))
                    .limit(Math.max(0, all.size() - settings.maxPerUser())).toList();
        }
        open.incrementAndGet();
        meters.opened();
        surplus.forEach(oldest -> drop(oldest, CloseReason.TOO_MANY));
        return Admission.ADMITTED;
    }

    @Override
    public boolean tryDeliver(Notification notification, Runnable delivered, Runnable undelivered) {
        Set<ClientSocket> sockets = byRecipient.get(notification.recipientId());
        // a socket closed but not yet removed would only fail the frame: with no open one, this is not live
        List<ClientSocket> targets = sockets == null ? List.of() : sockets.stream().filter(socket -> !socket.isClosed()).toList();
        if (targets.isEmpty()) {
            return false;
        }
        FrameGroup group = new FrameGroup(targets.size(), delivered, undelivered);
        for (ClientSocket socket : targets) {
            if (!socket.send(group.frame(notification.json()))) {
                drop(socket, CloseReason.TOO_SLOW);
            }
        }
        return true;
    }

    public void partitionsAssigned(Collection<Integer> partitions) {
        synchronized (ownership) {
            owned.add(partitions);
        }
    }

    /** The partitions left this instance: their sockets are closed, so their clients reconnect to the new owner. */
    public void partitionsRevoked(Collection<Integer> partitions) {
        List<ClientSocket> moved = new ArrayList<>();
        synchronized (ownership) {
            owned.remove(partitions);
            for (Set<ClientSocket> sockets : byRecipient.values()) {
                for (ClientSocket socket : sockets) {
                    if (partitions.contains(socket.partition())) {
                        moved.add(socket);
                    }
                }
            }
        }
        moved.forEach(socket -> drop(socket, CloseReason.REASSIGNED));
    }

    /** Closes every socket (shutdown). */
    public void closeAll(CloseReason reason) {
        byRecipient.values().stream().flatMap(Set::stream).toList().forEach(socket -> drop(socket, reason));
    }

    /** Keep-alive round: pings sockets that are due, drops those whose writes stalled or whose token expired. */
    public void keepAlive(long nowNanos, Instant now) {
        long interval = settings.pingInterval().toNanos();
        long timeout = settings.sendTimeout().toNanos();
        for (Set<ClientSocket> sockets : byRecipient.values()) {
            for (ClientSocket socket : sockets) {
                if (socket.isStalled(nowNanos, timeout)) {
                    drop(socket, CloseReason.STALLED);
                } else if (socket.tokenExpired(now)) {
                    drop(socket, CloseReason.TOKEN_EXPIRED);
                } else {
                    socket.pingIfDue(nowNanos, interval);
                }
            }
        }
    }

    /** The server ends the socket. */
    void drop(ClientSocket socket, CloseReason reason) {
        if (remove(socket)) {
            meters.closed(reason);
        }
        socket.close(reason);
    }

    /** The client ended the socket (or the connection broke). */
    void closedByPeer(ClientSocket socket) {
        if (remove(socket)) {
            meters.closed(CloseReason.CLIENT);
        }
        socket.closedByPeer();
    }

    private boolean remove(ClientSocket socket) {
        boolean[] removed = {false};
        byRecipient.computeIfPresent(socket.recipientId(), (recipient, sockets) -> {
            removed[0] = sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
        if (removed[0]) {
            open.decrementAndGet();
        }
        return removed[0];
    }
}
