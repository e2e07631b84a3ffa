package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The answer of {@link StatusFold#evolve}: the state to keep and what the event did.
 *
 * <p>The state can change without a transition: a heartbeat refresh moves the device's
 * {@code lastHeartbeatAt} (which the timeout detector reads), and every applied event moves the
 * de-duplication memory. So the processor stores {@link #state()} whenever {@link #stateChanged()},
 * and publishes only {@link #transition()}.
 */
public record FoldResult(UserPresence previous, SessionEvent cause, UserPresence state, FoldOutcome outcome) {

    public FoldResult {
        requireNonNull(previous, "previous");
        requireNonNull(cause, "cause");
        requireNonNull(state, "state");
        requireNonNull(outcome, "outcome");
    }

    public Optional<StatusTransition> transition() {
        return outcome == FoldOutcome.APPLIED_CHANGE
                ? Optional.of(new StatusTransition(previous, state, cause))
                : Optional.empty();
    }

    /**
     * By identity: {@link StatusFold#evolve} hands back the very state it was given when nothing
     * changed (a property test holds it to that), and comparing two states field by field on every
     * event was the largest single cost of an audit replay.
     */
    public boolean stateChanged() {
        return state != previous;
    }
}
