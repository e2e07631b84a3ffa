package io.presence.streams.status;

import static java.util.Objects.requireNonNull;

import io.presence.streams.session.StatusRecord;
import io.presence.streams.session.UserLiveness;

/**
 * A {@code user-status} value as read: the user's {@link StatusRecord}, and the liveness the value
 * itself carries. Format 2 carries none ({@link UserLiveness#NONE}): the liveness is in
 * {@code user-liveness}. Format 1, written before that store existed, held the whole state, so its
 * liveness counts until {@code user-liveness} has a value for the user; {@link UserPresenceStore}
 * writes one whenever it rewrites the record, so a format-1 value never outlives its liveness.
 */
public record StoredStatus(StatusRecord record, UserLiveness carriedLiveness) {

    public StoredStatus {
        requireNonNull(record, "record");
        requireNonNull(carriedLiveness, "carriedLiveness");
    }

    /** A value to write: format 2 carries no liveness. */
    static StoredStatus of(StatusRecord record) {
        return new StoredStatus(record, UserLiveness.NONE);
    }
}
