package io.presence.streams.query.routing;

import java.util.List;
import java.util.Map;

/**
 * The body of the internal lookup: {@code {"partitions": {"3": ["u1", "u7"]}, "staleAllowed": false}}.
 * The caller sends the partitions its metadata placed the keys in, so both sides agree on what was
 * asked even when their metadata differ for a moment; a partition the peer no longer holds comes
 * back unavailable and is retried.
 */
public record PeerLookupRequest(Map<Integer, List<String>> partitions, boolean staleAllowed) {
}
