package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

/**
 * One change of a user's status record and its cause: the domain twin of the Avro
 * {@code StatusChange}. A {@code previous} with version 0 is the user never seen, which the
 * Avro record spells as a null {@code previous}.
 */
public record StatusTransition(UserPresence previous, UserPresence current, SessionEvent cause) {

    public StatusTransition {
        requireNonNull(previous, "previous");
        requireNonNull(current, "current");
        requireNonNull(cause, "cause");
    }

    /** When the change happened: the cause's timestamp. */
    public long at() {
        return cause.timestamp();
    }

    /** Whether general or custom status changed, as opposed to the device list alone. */
    public boolean changesVisibleStatus() {
        return previous.status() != current.status() || !previous.customStatus().equals(current.customStatus());
    }
}
