package io.presence.streams.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubscriptionListTest {

    @Test
    void R_SUB_2_theListKeepsTheNewestTwoHundredOldestFirst() {
        SubscriptionList list = SubscriptionList.EMPTY.subscribe(targets(0, 120), 1).subscribe(targets(120, 250), 2);

        assertThat(list.targetIds()).containsExactlyElementsOf(targets(50, 250));
    }

    @Test
    void R_SUB_2_subscribingAgainMovesATargetToTheNewestPlaceWithItsNewTime() {
        SubscriptionList list = SubscriptionList.EMPTY.subscribe(List.of("a", "b", "c"), 1).subscribe(List.of("a"), 5);

        assertThat(list.entries()).containsExactly(new Subscription("b", 1), new Subscription("c", 1), new Subscription("a", 5));
        assertThat(list.newestSince()).isEqualTo(5);
    }

    @Test
    void R_SUB_2_aTargetNamedTwiceInOneCommandTakesItsLastPlace() {
        assertThat(SubscriptionList.EMPTY.subscribe(List.of("a", "b", "a"), 1).targetIds()).containsExactly("b", "a");
    }

    @Test
    void R_SUB_3_unsubscribingRemovesOnlyThoseHeld() {
        SubscriptionList list = SubscriptionList.EMPTY.subscribe(List.of("a", "b", "c"), 1).unsubscribe(List.of("b", "x"));

        assertThat(list.targetIds()).containsExactly("a", "c");
    }

    @Test
    void theNewestSinceIsTheLatestTimeNotTheLastPlace() {
        // a writer whose clock is behind subscribes last
        SubscriptionList list = SubscriptionList.EMPTY.subscribe(List.of("a"), 10).subscribe(List.of("b"), 7);

        assertThat(list.targetIds()).containsExactly("a", "b");
        assertThat(list.newestSince()).isEqualTo(10);
    }

    private static List<String> targets(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "t" + i).toList();
    }
}
