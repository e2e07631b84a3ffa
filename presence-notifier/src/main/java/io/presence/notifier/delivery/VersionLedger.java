package io.presence.notifier.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The last version delivered per (recipient, user), so that an older or repeated version is dropped
 * instead of delivered after a newer one (R-NOT-2). Within one partition the fan-out writes each pair
 * in version order, so what this catches is a re-read: the records after the last committed offset
 * that are consumed again after a restart or a rebalance.
 *
 * <p>Memory is bounded (Caffeine, least recently used evicted first, about 200 bytes a pair). The
 * trade-off: a pair evicted and then re-read can be delivered once more, older after newer. Clients
 * therefore also ignore a version not above the last they saw (the README's client contract).
 */
public final class VersionLedger {

    private final Cache<String, Long> lastDelivered;

    public VersionLedger(long maxPairs) {
        this.lastDelivered = Caffeine.newBuilder().maximumSize(maxPairs).build();
    }

    /** True when this pair already got this version or a newer one. */
    public boolean isStale(Notification notification) {
        Long last = lastDelivered.getIfPresent(key(notification));
        return last != null && notification.version() <= last;
    }

    /** Remembers a delivery; never lowers what is remembered (deliveries of one pair can complete out of order). */
    public void delivered(Notification notification) {
        lastDelivered.asMap().merge(key(notification), notification.version(), Math::max);
    }

    // ' ' cannot occur in an id (SPEC §1), so the two ids cannot run into each other
    private static String key(Notification notification) {
        return notification.recipientId() + ' ' + notification.userId();
    }
}
