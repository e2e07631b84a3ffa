package io.presence.streams.query.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/** Reads keys from another instance's store copies: the remote side of {@link StoreAccess#read}. */
public interface PeerLookup {

    /**
     * One call to {@code peer} for all its keys. Completes exceptionally with a
     * {@link PeerUnreachableException} when the peer does not answer usefully in time; then none of
     * its keys has a result from it.
     */
    <V, A> CompletableFuture<Map<String, KeyResult<A>>> read(HostInfo peer, QueryableStore<V, A> store,
                                                            Map<Integer, List<String>> keysByPartition, boolean staleAllowed);
}
