package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * R-SES-7 for one stream of events (one device, or the user's custom status): the timestamp of
 * the newest event applied and the ids of the events applied at exactly that timestamp. Events
 * older than the timestamp are stale, so their ids need not be remembered; that keeps the memory
 * bounded without a global eventId store.
 *
 * @param eventIds sorted, so the stored bytes of equal states are equal
 */
public record EventWatermark(long timestamp, SortedSet<String> eventIds) {

    /** Nothing applied yet: every event is fresh. */
    public static final EventWatermark NONE = new EventWatermark(Long.MIN_VALUE, new TreeSet<>());

    /** How an incoming event relates to what was applied. */
    public enum Verdict { FRESH, DUPLICATE, STALE }

    public EventWatermark {
        requireNonNull(eventIds, "eventIds");
        eventIds = Collections.unmodifiableSortedSet(new TreeSet<>(eventIds));
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
            return new EventWatermark(at, new TreeSet<>(Set.of(eventId)));
        }
        SortedSet<String> ids = new TreeSet<>(eventIds);
        ids.add(eventId);
        return new EventWatermark(timestamp, ids);
    }
}
