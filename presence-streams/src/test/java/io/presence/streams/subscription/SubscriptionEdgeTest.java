package io.presence.streams.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.subscription.SubscriptionEdge.Change;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubscriptionEdgeTest {

    @Test
    void leavingTargetsAreRemovedAndNewOrRefreshedOnesAdded() {
        SubscriptionList before = SubscriptionList.EMPTY.subscribe(List.of("a", "b", "c"), 1);
        SubscriptionList after = before.unsubscribe(List.of("b")).subscribe(List.of("c", "d"), 2);

        assertThat(SubscriptionEdge.between("sam", before, after, 2)).containsExactly(
                new SubscriptionEdge("b", "sam", Change.REMOVED, 2),
                new SubscriptionEdge("c", "sam", Change.ADDED, 2),
                new SubscriptionEdge("d", "sam", Change.ADDED, 2));
    }

    @Test
    void evictedTargetsAreRemovedAndOnesThatNeverStayedYieldNothing() {
        SubscriptionList before = SubscriptionList.EMPTY.subscribe(targets(0, 200), 1);
        // t200..t399 push everything out; t200 itself is evicted by the same command
        SubscriptionList after = before.subscribe(targets(200, 401), 2);

        List<SubscriptionEdge> edges = SubscriptionEdge.between("sam", before, after, 2);
        assertThat(edges).filteredOn(e -> e.change() == Change.REMOVED).hasSize(200);
        assertThat(edges).filteredOn(e -> e.change() == Change.ADDED).extracting(SubscriptionEdge::targetId)
                .containsExactlyElementsOf(targets(201, 401));
    }

    @Test
    void anUnchangedListYieldsNoEdges() {
        SubscriptionList list = SubscriptionList.EMPTY.subscribe(List.of("a"), 1);

        assertThat(SubscriptionEdge.between("sam", list, list.subscribe(List.of("a"), 1), 1)).isEmpty();
    }

    private static List<String> targets(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "t" + i).toList();
    }
}
