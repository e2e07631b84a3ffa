package io.presence.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.presence.http.auth.Caller;
import io.presence.http.auth.JwtVerifier;
import java.util.function.Consumer;

/**
 * WebSocket endpoints for clients (SPEC §9). The upgrade request must carry a client token, in
 * {@code Authorization: Bearer <token>} or as {@code ?access_token=<token>} (browsers cannot set
 * headers on a WebSocket); without a valid one the upgrade is refused with 401 and the error body,
 * before any socket exists. The endpoint reads who connected with {@link #caller(WsContext)}.
 *
 * <pre>{@code
 * ClientWebSockets.declare(edge.app(), "/v1/things", jwt, ws -> ws.onConnect(ctx -> hello(ClientWebSockets.caller(ctx))));
 * }</pre>
 */
public final class ClientWebSockets {

    private static final String ACCESS_TOKEN_PARAMETER = "access_token";
    private static final String CALLER_ATTRIBUTE = "presence.caller";

    private ClientWebSockets() {
    }

    public static void declare(Javalin app, String path, JwtVerifier jwt, Consumer<WsConfig> endpoint) {
        declare(app, path, jwt, () -> { }, endpoint);
    }

    /**
     * As {@link #declare(Javalin, String, JwtVerifier, Consumer)}, with a check of the server's own
     * limits after authentication: when it throws, the upgrade is refused with that error (e.g. 503 and
     * {@code Retry-After} when no more sockets can be held) and no socket is opened.
     */
    public static void declare(Javalin app, String path, JwtVerifier jwt, AdmissionCheck admission, Consumer<WsConfig> endpoint) {
        app.wsBeforeUpgrade(path, ctx -> {
            try {
                Caller caller = authenticate(ctx, jwt);
                admission.check();
                ctx.attribute(CALLER_ATTRIBUTE, caller);
            } catch (ApiException refused) {
                ErrorMapping.refuseUpgrade(ctx, refused);
            }
        });
        app.ws(path, endpoint);
        // without this a plain GET (a browser, curl, a proxy that drops the Upgrade header) reads "no route"
        app.get(path, ctx -> {
            throw ApiException.invalidParameter(path + " is a WebSocket endpoint; send an upgrade request"
                    + " (Connection: Upgrade, Upgrade: websocket)");
        });
    }

    /** Whether the server can take one more socket; throws the {@link ApiException} to refuse it with. */
    @FunctionalInterface
    public interface AdmissionCheck {
        void check();
    }

    /** The client whose token opened this socket. */
    public static Caller caller(WsContext ctx) {
        Caller caller = ctx.attribute(CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("socket " + ctx.sessionId() + " was not opened through ClientWebSockets.declare");
        }
        return caller;
    }

    // the header wins when both are sent: it does not end up in access logs and browser history
    private static Caller authenticate(Context ctx, JwtVerifier jwt) {
        String header = ctx.header("Authorization");
        if (header != null) {
            return jwt.verifyBearer(header);
        }
        String token = ctx.queryParam(ACCESS_TOKEN_PARAMETER);
        if (token == null || token.isBlank()) {
            throw ApiException.unauthenticated("missing token; send 'Authorization: Bearer <token>' or ?"
                    + ACCESS_TOKEN_PARAMETER + "=<token>");
        }
        return jwt.verifyToken(token);
    }
}
