package io.presence.streams.session;

/** What one event did to a user's state; the processor counts these, the fold only reports them. */
public enum FoldOutcome {
    /** The status record changed: version +1, a {@link StatusTransition} to publish. */
    APPLIED_CHANGE,
    /** Applied, but the public record is the same (a heartbeat refresh, the same custom status again). */
    NO_CHANGE,
    /** Same eventId as an event already applied (R-SES-7). */
    DUPLICATE,
    /** Older than the last event applied to the same device, or than the last SET_CUSTOM_STATUS decided (R-SES-7). */
    STALE,
    /** A heartbeat for a device that is not logged in (R-SES-2; {@code presence_heartbeats_rejected_total}). */
    REJECTED_HEARTBEAT,
    /** Well-formed but moot: a late DISCONNECT of an old connection, custom status while not ONLINE, an expiry proposal that no longer matches. */
    IGNORED
}
