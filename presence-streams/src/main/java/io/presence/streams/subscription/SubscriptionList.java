package io.presence.streams.subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subscriber's list (R-SUB-2, R-SUB-3): at most {@link #CAPACITY} targets, oldest first. Pure
 * and immutable; the ledger processor keeps one per subscriber.
 *
 * <p>Order is the order of subscribing, not of timestamps: the log decides what came first, and a
 * writer's clock may be behind another's.
 */
public record SubscriptionList(List<Subscription> entries) {

    /** R-SUB-2: friends subscribed explicitly count too. */
    public static final int CAPACITY = 200;

    public static final SubscriptionList EMPTY = new SubscriptionList(List.of());

    public SubscriptionList {
        entries = List.copyOf(entries);
    }

    /**
     * R-SUB-2: each target in the order given (earlier counts as older) takes the newest place —
     * a held target is refreshed, not duplicated — and past {@link #CAPACITY} the oldest are evicted.
     */
    public SubscriptionList subscribe(List<String> targets, long at) {
        Map<String, Long> next = asMap();
        for (String target : targets) {
            next.remove(target);
            next.put(target, at);
        }
        Iterator<String> oldestFirst = next.keySet().iterator();
        for (int excess = next.size() - CAPACITY; excess > 0; excess--) {
            oldestFirst.next();
            oldestFirst.remove();
        }
        return of(next);
    }

    /** R-SUB-3: removes those targets; targets not held are ignored. */
    public SubscriptionList unsubscribe(Collection<String> targets) {
        Set<String> removed = new HashSet<>(targets);
        return new SubscriptionList(entries.stream().filter(e -> !removed.contains(e.targetId())).toList());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The targets, oldest first (what {@code GET /v1/me/subscriptions} answers). */
    public List<String> targetIds() {
        return entries.stream().map(Subscription::targetId).toList();
    }

    /** The latest subscribe time in the list: retention (R-SUB-4) counts from no earlier than this. */
    public long newestSince() {
        return entries.stream().mapToLong(Subscription::since).max().orElse(0);
    }

    private Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Subscription entry : entries) {
            map.put(entry.targetId(), entry.since());
        }
        return map;
    }

    private static SubscriptionList of(Map<String, Long> map) {
        List<Subscription> entries = new ArrayList<>(map.size());
        map.forEach((target, since) -> entries.add(new Subscription(target, since)));
        return new SubscriptionList(entries);
    }
}
