package io.presence.streams.query.routing;

import java.util.Objects;
import java.util.function.Function;

/**
 * A key-value store of the topology that the query API reads by key (keys are user ids), and the
 * form its values are answered in. The value is turned into its answer on the instance that holds
 * the store, so only the answer travels between instances — never the store's private fields.
 *
 * @param name       the store's name in the topology: the contract with the topology
 * @param answerType the answer's class, for reading a peer's JSON answer back
 * @param toAnswer   the answer for one stored value
 * @param <V>        the stored value
 * @param <A>        the answer, serialisable as JSON
 */
public record QueryableStore<V, A>(String name, Class<A> answerType, Function<V, A> toAnswer) {

    public QueryableStore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(answerType, "answerType");
        Objects.requireNonNull(toAnswer, "toAnswer");
    }
}
