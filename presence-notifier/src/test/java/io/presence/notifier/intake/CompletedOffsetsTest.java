package io.presence.notifier.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.notifier.delivery.DeliveryTicket;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CompletedOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("presence.notifications", 0);
    private static final TopicPartition P1 = new TopicPartition("presence.notifications", 1);

    private final CompletedOffsets offsets = new CompletedOffsets();

    @Test
    void theCommitStopsAtTheLowestUnfinishedOffsetEvenWhenLaterOnesFinished() {
        offsets.track(List.of(P0));
        DeliveryTicket first = offsets.begin(P0, 10);
        DeliveryTicket second = offsets.begin(P0, 11);
        DeliveryTicket third = offsets.begin(P0, 12);

        second.finish();
        third.finish();
        // position 13: the consumer has handed out 10..12
        assertThat(offsets.toCommit(p -> 13)).containsExactly(Map.entry(P0, new OffsetAndMetadata(10)));

        first.finish();
        assertThat(offsets.toCommit(p -> 13)).containsExactly(Map.entry(P0, new OffsetAndMetadata(13)));
    }

    @Test
    void whatWasCommittedIsNotCommittedAgain() {
        offsets.track(List.of(P0));
        offsets.begin(P0, 0).finish();
        Map<TopicPartition, OffsetAndMetadata> due = offsets.toCommit(p -> 1);

        offsets.committed(due);

        assertThat(offsets.toCommit(p -> 1)).isEmpty();
        // a transaction marker moves the position without a record: that is committed too
        assertThat(offsets.toCommit(p -> 2)).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
    }

    @Test
    void aPartitionThatConsumedNothingHasNothingToCommit() {
        offsets.track(List.of(P0, P1));
        offsets.begin(P0, 0).finish();

        assertThat(offsets.toCommit(p -> 1)).containsOnlyKeys(P0);
    }

    @Test
    void inFlightCountsUnfinishedNotificationsOverAllPartitionsAndATicketFinishesOnce() {
        offsets.track(List.of(P0, P1));
        DeliveryTicket a = offsets.begin(P0, 0);
        offsets.begin(P1, 0);
        assertThat(offsets.inFlight()).isEqualTo(2);

        a.finish();
        a.finish();

        assertThat(offsets.inFlight()).isEqualTo(1);
    }

    @Test
    void aForgottenPartitionNoLongerCountsAndItsLateTicketsAreHarmless() {
        offsets.track(List.of(P0));
        DeliveryTicket late = offsets.begin(P0, 0);

        offsets.forget(List.of(P0));
        late.finish();

        assertThat(offsets.inFlight()).isZero();
        assertThat(offsets.toCommit(p -> 1)).isEmpty();
    }
}
