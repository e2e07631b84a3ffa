package io.presence.notifier.websocket;

import java.util.Locale;

/**
 * Why the server ends a socket: the close code and reason the client sees (the client contract in
 * the README), and the metric tag. Codes 4000-4999 are the application's own (RFC 6455 §7.4.2).
 */
public enum CloseReason {
    /** Another instance serves this user; the frame before the close names its URL. */
    MOVED(4301, "moved: reconnect to the url in the redirect frame"),
    /** No instance serves this user at this moment (a rebalance is under way). */
    TRY_AGAIN(1013, "try again later: no instance serves this user right now"),
    /** This user's partition moved to another instance; reconnect (and be redirected). */
    REASSIGNED(1012, "service restart: this user is now served elsewhere; reconnect"),
    /** The user opened more sockets than one may hold; this was the oldest. Not to be reopened by itself. */
    TOO_MANY(4429, "too many sockets for this user: the oldest was closed"),
    /** The token the socket was opened with has expired; reconnect with a fresh one. */
    TOKEN_EXPIRED(4401, "token expired: reconnect with a fresh token"),
    /** This instance is shutting down. */
    SHUTDOWN(1001, "going away: server shutting down; reconnect"),
    /** More frames waited than the send queue holds: the client does not read fast enough. Cut without a close frame. */
    TOO_SLOW(0, "send queue overflow"),
    /** Writes made no progress for the send timeout: the client stopped reading. Cut without a close frame. */
    STALLED(0, "no write progress"),
    /** The client closed it, or the connection broke. */
    CLIENT(0, "closed by the client");

    private final int code;
    private final String text;

    CloseReason(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The close code sent, or 0 when the connection is cut without a close frame. */
    int code() {
        return code;
    }

    String text() {
        return text;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
