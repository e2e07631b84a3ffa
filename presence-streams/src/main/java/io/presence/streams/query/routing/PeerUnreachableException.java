package io.presence.streams.query.routing;

import org.apache.kafka.streams.state.HostInfo;

/** A peer did not answer an internal lookup usefully: no connection, too slow, or an error answer. */
public final class PeerUnreachableException extends RuntimeException {

    public PeerUnreachableException(HostInfo peer, String reason, Throwable cause) {
        super("instance " + peer.host() + ":" + peer.port() + " " + reason, cause);
    }
}
