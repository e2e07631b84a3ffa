package io.presence.http;

import java.util.Optional;

/**
 * Whether the service can do its work now (its Kafka cluster reachable, its stores running).
 * {@code /health} answers 200 when ready and 503 with the reason when not. Called on every
 * health request, so implementations return a cached verdict rather than probing.
 */
@FunctionalInterface
public interface ReadinessCheck {

    /** Empty when ready; otherwise why not, for the 503 body and the operator. */
    Optional<String> whyNotReady();

    static ReadinessCheck alwaysReady() {
        return Optional::empty;
    }
}
