package io.presence.streams.topology;

import static io.presence.streams.topology.PresenceDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.NotificationReason;
import io.presence.avro.SubscriptionCommandType;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-SUB-2 and R-SUB-3 through the topology: the ledger's list, and — through the subscriber index
 * on the target's side — who is told of a target's changes.
 */
class SubscriptionLedgerTopologyTest {

    @TempDir
    Path stateDir;

    private PresenceDriver presence;
    private VisibleChanges changes;
    private final PresenceCommands ingest = new PresenceCommands();

    @BeforeEach
    void start() {
        presence = new PresenceDriver(TopologySettings.defaults(), stateDir);
        changes = new VisibleChanges(presence, T0);
    }

    @AfterEach
    void stop() {
        presence.close();
    }

    @Test
    void R_SUB_2_pastTwoHundredTheEarliestSubscribedAreEvicted() {
        presence.pipe(ingest.subscribe("sam", T0, targets(0, 150)));
        presence.pipe(ingest.subscribe("sam", T0 + 1, targets(150, 210)));

        assertThat(presence.subscriptionsOf("sam")).containsExactlyElementsOf(targets(10, 210));
        assertThat(changes.recipientsOfNextChange("t9", NotificationReason.SUBSCRIBER)).as("evicted").isEmpty();
        assertThat(changes.recipientsOfNextChange("t10", NotificationReason.SUBSCRIBER)).containsExactly("sam");
    }

    @Test
    void R_SUB_2_earlierIdsOfOneCommandCountAsOlder() {
        presence.pipe(ingest.subscribe("sam", T0, targets(0, 201)));

        assertThat(presence.subscriptionsOf("sam")).hasSize(200).first().isEqualTo("t1");
        assertThat(changes.recipientsOfNextChange("t0", NotificationReason.SUBSCRIBER))
                .as("subscribed and evicted by the same command").isEmpty();
    }

    @Test
    void R_SUB_2_subscribingAgainRefreshesItsPlace() {
        presence.pipe(ingest.subscribe("sam", T0, "a", "b", "c"));
        presence.pipe(ingest.subscribe("sam", T0 + 1, "a"));

        assertThat(presence.subscriptionsOf("sam")).containsExactly("b", "c", "a");

        // when: 198 more fill the list past 200: the oldest, b, goes — not a, which was refreshed
        presence.pipe(ingest.subscribe("sam", T0 + 2, targets(0, 198)));

        assertThat(presence.subscriptionsOf("sam")).hasSize(200).startsWith("c", "a");
        assertThat(changes.recipientsOfNextChange("a", NotificationReason.SUBSCRIBER)).containsExactly("sam");
        assertThat(changes.recipientsOfNextChange("b", NotificationReason.SUBSCRIBER)).isEmpty();
    }

    @Test
    void R_SUB_3_unsubscribeRemovesThoseTargetsOnly() {
        presence.pipe(ingest.subscribe("sam", T0, "a", "b", "c"));
        presence.pipe(ingest.unsubscribe("sam", T0 + 1, "b", "never-held"));

        assertThat(presence.subscriptionsOf("sam")).containsExactly("a", "c");
        assertThat(changes.recipientsOfNextChange("b", NotificationReason.SUBSCRIBER)).isEmpty();
        assertThat(changes.recipientsOfNextChange("c", NotificationReason.SUBSCRIBER)).containsExactly("sam");
    }

    @Test
    void R_SUB_3_clearEmptiesTheList() {
        presence.pipe(ingest.subscribe("sam", T0, "a", "b"));
        presence.pipe(ingest.clear("sam", T0 + 1));

        assertThat(presence.subscriptionsOf("sam")).isEmpty();
        assertThat(changes.recipientsOfNextChange("a", NotificationReason.SUBSCRIBER)).isEmpty();
        assertThat(changes.recipientsOfNextChange("b", NotificationReason.SUBSCRIBER)).isEmpty();
    }

    @Test
    void R_SUB_3_anUnsubscribeWithoutTargetsClearsAll() {
        presence.pipe(ingest.subscribe("sam", T0, "a", "b"));
        presence.pipe(ingest.command(SubscriptionCommandType.UNSUBSCRIBE, "sam", T0 + 1, List.of()));

        assertThat(presence.subscriptionsOf("sam")).isEmpty();
    }

    @Test
    void aTargetHasEverySubscriberOnceAndListsStaySeparate() {
        presence.pipe(ingest.subscribe("sam", T0, "a"), ingest.subscribe("kim", T0, "a", "b"),
                ingest.subscribe("sam", T0 + 1, "a"));

        assertThat(changes.recipientsOfNextChange("a", NotificationReason.SUBSCRIBER)).containsExactlyInAnyOrder("sam", "kim");
        assertThat(changes.recipientsOfNextChange("b", NotificationReason.SUBSCRIBER)).containsExactly("kim");
    }

    /** Targets t{from} … t{to - 1}, in that order. */
    private static List<String> targets(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "t" + i).toList();
    }
}
