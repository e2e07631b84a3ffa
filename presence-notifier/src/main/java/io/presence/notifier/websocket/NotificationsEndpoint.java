package io.presence.notifier.websocket;

import io.javalin.Javalin;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.presence.http.ApiError;
import io.presence.http.ClientWebSockets;
import io.presence.http.auth.Caller;
import io.presence.http.auth.JwtVerifier;
import io.presence.notifier.membership.PartitionOwners;
import io.presence.notifier.membership.RecipientPartitioner;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/notifications} (SPEC §9): a client's WebSocket, authenticated at the upgrade. The
 * socket is served here if this instance owns the user's partition — every notification consumed from
 * then on reaches it, and its first frame says {@code ready} if it asked ({@code ?ready=true}); otherwise it gets a redirect
 * frame naming the owner's URL and is closed (4301), or, while no instance owns it, closed with 1013.
 * Frames from the client are answered with an error frame and otherwise ignored.
 */
public final class NotificationsEndpoint {

    public static final String PATH = "/v1/notifications";
    /** {@code ?ready=true}: the client wants the {@code ready} frame that says from when on it misses nothing. */
    public static final String READY_PARAMETER = "ready";
    private static final Logger log = LoggerFactory.getLogger(NotificationsEndpoint.class);
    private static final String SOCKET_ATTRIBUTE = "presence.notifier.socket";
    private static final String IGNORED_FRAME = ControlFrames.error(ApiError.INVALID_PARAMETER,
            "this socket only delivers notifications; frames from the client are ignored");

    private final LiveSockets sockets;
    private final RecipientPartitioner partitioner;
    private final PartitionOwners owners;
    private final Supplier<String> selfUrl;

    /** @param selfUrl this instance's advertised URL (known once the server is bound) */
    public NotificationsEndpoint(LiveSockets sockets, RecipientPartitioner partitioner, PartitionOwners owners, Supplier<String> selfUrl) {
        this.sockets = sockets;
        this.partitioner = partitioner;
        this.owners = owners;
        this.selfUrl = selfUrl;
    }

    public void declare(Javalin app, JwtVerifier jwt) {
        ClientWebSockets.declare(app, PATH, jwt, sockets::checkCapacity, ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(this::clientFrame);
            ws.onBinaryMessage(this::clientFrame);
            ws.onClose(ctx -> socketOf(ctx).ifPresent(sockets::closedByPeer));
            ws.onError(ctx -> log.debug("socket {} failed: {}", ctx.sessionId(), String.valueOf(ctx.error())));
        });
    }

    private void connected(WsConnectContext ctx) {
        Caller caller = ClientWebSockets.caller(ctx);
        String userId = caller.userId();
        Session session = ctx.session;
        SocketSettings settings = sockets.settings();
        session.setIdleTimeout(settings.idleTimeout());
        session.setMaxTextMessageSize(settings.maxClientMessage());
        session.setMaxBinaryMessageSize(settings.maxClientMessage());
        ClientSocket socket = new ClientSocket(session, userId, partitioner.partitionOf(userId), caller.expiresAt(), settings.sendQueue(), sockets.meters());
        ctx.attribute(SOCKET_ATTRIBUTE, socket);
        // only on request: a client that just listens gets nothing but notifications (SPEC §9)
        boolean announce = "true".equalsIgnoreCase(ctx.queryParam(READY_PARAMETER));
        if (sockets.admit(socket, announce) == LiveSockets.Admission.NOT_OWNED) {
            turnAway(socket);
        }
    }

    private void turnAway(ClientSocket socket) {
        Optional<String> owner = owners.ownerOf(socket.partition()).filter(url -> !url.equals(selfUrl.get()));
        if (owner.isPresent()) {
            socket.send(OutgoingFrame.control(ControlFrames.redirect(owner.get() + PATH, socket.partition())));
            sockets.meters().redirected(CloseReason.MOVED);
            socket.close(CloseReason.MOVED);
        } else {
            sockets.meters().redirected(CloseReason.TRY_AGAIN);
            socket.close(CloseReason.TRY_AGAIN);
        }
    }

    private void clientFrame(WsContext ctx) {
        socketOf(ctx).ifPresent(socket -> {
            sockets.meters().clientFrameIgnored();
            if (!socket.send(OutgoingFrame.control(IGNORED_FRAME))) {
                sockets.drop(socket, CloseReason.TOO_SLOW);
            }
        });
    }

    private static Optional<ClientSocket> socketOf(WsContext ctx) {
        return Optional.ofNullable(ctx.attribute(SOCKET_ATTRIBUTE));
    }
}
