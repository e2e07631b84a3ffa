package io.presence.notifier.websocket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * WebSocket meters (Prometheus names in brackets), registered up front: [presence_notifier_sockets_open],
 * [presence_notifier_sockets_opened_total], [presence_notifier_sockets_closed_total{reason}],
 * [presence_notifier_sockets_redirected_total{reason}], [presence_notifier_frames_sent_total],
 * [presence_notifier_frames_failed_total], [presence_notifier_client_frames_ignored_total], [presence_notifier_sockets_refused_total].
 */
final class SocketMeters {

    /** Reasons a socket is turned away before it is served: counted as redirects, not as closes. */
    private static final Set<CloseReason> TURNED_AWAY = Set.of(CloseReason.MOVED, CloseReason.TRY_AGAIN);

    private final Counter opened;
    private final Map<CloseReason, Counter> closed = new EnumMap<>(CloseReason.class);
    private final Map<CloseReason, Counter> redirected = new EnumMap<>(CloseReason.class);
    private final Counter framesSent;
    private final Counter framesFailed;
    private final Counter clientFramesIgnored;
    private final Counter refusedAtCapacity;

    SocketMeters(MeterRegistry registry, IntSupplier open) {
        Gauge.builder("presence.notifier.sockets.open", open::getAsInt)
                .description("WebSockets open and served by this instance").register(registry);
        opened = Counter.builder("presence.notifier.sockets.opened").description("WebSockets admitted").register(registry);
        // every reason but the two that turn a socket away before it is served: a reason added later counts too
        for (CloseReason reason : EnumSet.complementOf(EnumSet.copyOf(TURNED_AWAY))) {
            closed.put(reason, Counter.builder("presence.notifier.sockets.closed")
                    .description("Admitted WebSockets that ended, by why").tag("reason", reason.tag()).register(registry));
        }
        for (CloseReason reason : TURNED_AWAY) {
            redirected.put(reason, Counter.builder("presence.notifier.sockets.redirected")
                    .description("WebSockets turned away because another instance serves their user")
                    .tag("reason", reason.tag()).register(registry));
        }
        framesSent = Counter.builder("presence.notifier.frames.sent").description("Frames written to sockets: notifications and the server's control frames").register(registry);
        framesFailed = Counter.builder("presence.notifier.frames.failed")
                .description("Frames a socket did not write (it closed or was dropped first)").register(registry);
        refusedAtCapacity = Counter.builder("presence.notifier.sockets.refused")
                .description("Upgrades refused because the instance held presence.notifier.socket.max-open sockets").register(registry);
        clientFramesIgnored = Counter.builder("presence.notifier.client.frames.ignored")
                .description("Frames clients sent; the socket only delivers, so they are answered with an error frame").register(registry);
    }

    void refusedAtCapacity() {
        refusedAtCapacity.increment();
    }

    void opened() {
        opened.increment();
    }

    void closed(CloseReason reason) {
        closed.get(reason).increment();
    }

    void redirected(CloseReason reason) {
        redirected.get(reason).increment();
    }

    void frameSent() {
        framesSent.increment();
    }

    void frameFailed() {
        framesFailed.increment();
    }

    void clientFrameIgnored() {
        clientFramesIgnored.increment();
    }
}
