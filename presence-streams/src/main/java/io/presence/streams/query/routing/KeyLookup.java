package io.presence.streams.query.routing;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** "Fetch these keys from store S, wherever in the application they live." */
public interface KeyLookup {

    /** A result for every key; the future itself does not fail for a key that cannot be read. */
    <V, A> CompletableFuture<KeyResults<A>> lookup(QueryableStore<V, A> store, List<String> keys);
}
