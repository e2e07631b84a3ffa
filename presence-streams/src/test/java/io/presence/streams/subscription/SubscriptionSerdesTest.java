package io.presence.streams.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.streams.subscription.SubscriptionEdge.Change;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SubscriptionSerdesTest {

    private final SubscriptionListSerde lists = new SubscriptionListSerde();
    private final SubscriptionEdgeSerde edges = new SubscriptionEdgeSerde();

    @Test
    void aListRoundTripsInOrder() {
        SubscriptionList list = SubscriptionList.EMPTY.subscribe(List.of("b", "a.x@y", "c-1_2"), 1_750_000_000_000L)
                .subscribe(List.of("b"), 1_750_000_000_001L);

        assertThat(lists.deserialize("t", lists.serialize("t", list))).isEqualTo(list);
        assertThat(lists.deserialize("t", lists.serialize("t", SubscriptionList.EMPTY))).isEqualTo(SubscriptionList.EMPTY);
    }

    @Test
    void edgesRoundTrip() {
        for (SubscriptionEdge edge : List.of(new SubscriptionEdge("alice", "sam", Change.ADDED, 42),
                new SubscriptionEdge("alice", "sam", Change.REMOVED, 43))) {
            assertThat(edges.deserialize("t", edges.serialize("t", edge))).isEqualTo(edge);
        }
    }

    @Test
    void anUnknownFormatVersionIsRefusedWithItsNumber() {
        byte[] bytes = lists.serialize("t", SubscriptionList.EMPTY);
        bytes[0] = 9;

        assertThatThrownBy(() -> lists.deserialize("t", bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("version 9");
    }
}
