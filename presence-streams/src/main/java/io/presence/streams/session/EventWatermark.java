package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Set;

/**
 * R-SES-7 for one stream of events (one device, or the user's custom status): the timestamp of
 * the newest event applied and the ids of the events applied at exactly that timestamp. Events
 * older than the timestamp are stale, so their ids need not be remembered; that keeps the memory
 * bounded without a global eventId store.
 *
 * <p>The ids are an immutable {@code Set.copyOf} — almost always one id, and the fold makes a new
 * watermark per event, so not a sorted tree; the store's serde sorts them, so equal states store equal bytes.
 */
public record EventWatermark(long timestamp, Set<String> eventIds) {

    /** Nothing applied yet: every event is fresh. */
    public static final EventWatermark NONE = new EventWatermark(Long.MIN_VALUE, Set.of());

    /** How an incoming event relates to what was applied. */
    public enum Verdict { FRESH, DUPLICATE, STALE }

    public EventWatermark {
        requireNonNull(eventIds, "eventIds");
        eventIds = Set.copyOf(eventIds);
    }

    public Verdict judge(String eventId, long at) {
        if (at < timestamp) {
            return Verdict.STALE;
        }
        // An equal timestamp with another id is a distinct event: clocks have millisecond grain.
        return at == timestamp && eventIds.contains(eventId) ? Verdict.DUPLICATE : Verdict.FRESH;
    }

    /** The watermark after applying a fresh event. */
    public EventWatermark advancedBy(String eventId, long at) {
        if (at > timestamp) {
            return new EventWatermark(at, Set.of(eventId));
        }
        Set<String> ids = new HashSet<>(eventIds);
        ids.add(eventId);
        return new EventWatermark(timestamp, ids);
    }
}
