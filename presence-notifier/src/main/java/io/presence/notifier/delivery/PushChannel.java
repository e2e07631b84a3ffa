package io.presence.notifier.delivery;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Push delivery for recipients with no live socket (SPEC §9 webhook). */
public interface PushChannel {

    /** False when no webhook is configured: such notifications are counted as undeliverable. */
    boolean enabled();

    /**
     * Pushes the notification, retrying with backoff within the budget, without blocking the caller.
     * Before every attempt {@code gate} may end the push with a result of its own (superseded, handed
     * to a socket, abandoned). Completes with {@link PushResult.Kind#FAILED} once the budget is spent.
     */
    CompletionStage<PushResult> push(Notification notification, AttemptGate gate);

    @FunctionalInterface
    interface AttemptGate {
        /** Empty to attempt; a result to stop with it instead. */
        Optional<PushResult> beforeAttempt();
    }
}
