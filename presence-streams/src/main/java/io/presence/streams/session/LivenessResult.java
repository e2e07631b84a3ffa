package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

/**
 * The answer of {@link UserLiveness#heartbeat}: what the heartbeat did, and the liveness to keep.
 * Never a transition: a heartbeat the liveness alone settles changes no public record.
 */
public record LivenessResult(UserLiveness previous, UserLiveness state, FoldOutcome outcome) {

    public LivenessResult {
        requireNonNull(previous, "previous");
        requireNonNull(state, "state");
        requireNonNull(outcome, "outcome");
    }

    /**
     * By identity, as {@link FoldResult#stateChanged()}: a duplicate or stale heartbeat hands back
     * the very part it was given.
     */
    public boolean stateChanged() {
        return state != previous;
    }
}
