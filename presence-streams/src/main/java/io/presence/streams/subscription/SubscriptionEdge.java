package io.presence.streams.subscription;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One change to the subscriber index: {@code subscriberId} started or stopped watching
 * {@code targetId}. The ledger emits these keyed by target, so they reach the task that owns the
 * target — the one that fans out the target's changes.
 *
 * @param since when the subscription started (ADDED); when it ended (REMOVED)
 */
public record SubscriptionEdge(String targetId, String subscriberId, Change change, long since) {

    public enum Change { ADDED, REMOVED }

    public SubscriptionEdge {
        requireNonNull(targetId, "targetId");
        requireNonNull(subscriberId, "subscriberId");
        requireNonNull(change, "change");
    }

    /**
     * What the index must learn when a list goes from {@code before} to {@code after}: REMOVED for
     * each target that left (unsubscribed, cleared, evicted), ADDED for each that is new or was
     * refreshed (its {@code since} moved). A target added and evicted by the same command never
     * reached the index, so it yields nothing.
     */
    public static List<SubscriptionEdge> between(String subscriberId, SubscriptionList before, SubscriptionList after,
                                                 long at) {
        Map<String, Subscription> held = before.entries().stream()
                .collect(Collectors.toMap(Subscription::targetId, Function.identity()));
        Set<String> kept = after.entries().stream().map(Subscription::targetId).collect(Collectors.toSet());
        List<SubscriptionEdge> edges = new ArrayList<>();
        for (Subscription old : before.entries()) {
            if (!kept.contains(old.targetId())) {
                edges.add(new SubscriptionEdge(old.targetId(), subscriberId, Change.REMOVED, at));
            }
        }
        for (Subscription now : after.entries()) {
            if (!now.equals(held.get(now.targetId()))) {
                edges.add(new SubscriptionEdge(now.targetId(), subscriberId, Change.ADDED, now.since()));
            }
        }
        return edges;
    }
}
