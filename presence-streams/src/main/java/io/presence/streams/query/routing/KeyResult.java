package io.presence.streams.query.routing;

import java.util.Objects;

/** What one key's lookup came to: each key of a batch has its own, so one failure costs only its keys. */
public sealed interface KeyResult<A> {

    /** The store holds the key. */
    record Found<A>(A answer) implements KeyResult<A> {
        public Found {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** The store that owns the key does not hold it (e.g. a user never seen). */
    record Absent<A>() implements KeyResult<A> {
    }

    /** No copy of the key's partition could be read; {@code reason} is for logs and the 50301 message. */
    record Unavailable<A>(String reason) implements KeyResult<A> {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    default boolean isResolved() {
        return !(this instanceof Unavailable);
    }
}
