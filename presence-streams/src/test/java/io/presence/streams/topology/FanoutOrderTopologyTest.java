package io.presence.streams.topology;

import static io.presence.streams.topology.PresenceDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.NotificationReason;
import io.presence.avro.StatusNotification;
import io.presence.streams.fanout.FanoutSettings;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.SessionTimeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-NOT-2 and R-NOT-3 with a turn budget of 7 notifications, so a fan-out to alice's 40 friends
 * and subscribers goes out in chunks over several wall-clock turns.
 */
class FanoutOrderTopologyTest {

    private static final int BUDGET = 7;
    private static final Duration TICK = Duration.ofMillis(50);

    @TempDir
    Path stateDir;

    private PresenceDriver presence;
    private VisibleChanges changes;
    private final PresenceCommands ingest = new PresenceCommands();
    private final List<StatusNotification> told = new ArrayList<>();
    private Duration wallClock = Duration.ZERO;

    @BeforeEach
    void start() {
        presence = new PresenceDriver(new TopologySettings(SessionTimeouts.defaults(), DetectorSettings.defaults(),
                TopologySettings.DEFAULT_SUBSCRIPTION_RETENTION, new FanoutSettings(true, TICK, BUDGET)), stateDir);
        changes = new VisibleChanges(presence, T0);
        // alice: 25 friends and 25 subscribers, 10 of them both
        IntStream.range(0, 25).forEach(i -> presence.pipe(ingest.befriend("alice", "r" + i, T0)));
        IntStream.range(15, 40).forEach(i -> presence.pipe(ingest.subscribe("r" + i, T0, "alice")));
        presence.pipe(ingest.subscribe("sam", T0, "bob"));
    }

    @AfterEach
    void stop() {
        presence.close();
    }

    @Test
    void R_NOT_3_aLargeFanOutGoesOutInBoundedChunksOnTheWallClock() {
        changes.change("alice");
        assertThat(collect()).as("at once: as many as the allowance").isEqualTo(BUDGET);

        List<Integer> perTurn = new ArrayList<>();
        for (int turn = 0; turn < 10; turn++) {
            tick();
            perTurn.add(collect());
        }

        assertThat(perTurn).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(BUDGET));
        assertThat(told).extracting(StatusNotification::getRecipientId).doesNotHaveDuplicates().hasSize(1 + 40);
        assertThat(presence.counter("presence.fanout.jobs")).isEqualTo(1);
    }

    @Test
    void R_NOT_2_manyRapidChangesReachEveryRecipientInVersionOrderNoneMissing() {
        List<Long> versions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            changes.change("alice");
            versions.add((long) i + 1);
            if (i % 3 == 2) {
                tick();
            }
            collect();
        }
        drain();

        Map<String, List<Long>> seen = told.stream().filter(n -> n.getUserId().equals("alice")).collect(Collectors.groupingBy(
                StatusNotification::getRecipientId, TreeMap::new, Collectors.mapping(StatusNotification::getVersion, Collectors.toList())));
        assertThat(seen).hasSize(1 + 40);
        assertThat(seen).allSatisfy((recipient, got) -> assertThat(got).as(recipient).containsExactlyElementsOf(versions));
    }

    @Test
    void R_NOT_2_whileAFanOutIsPendingEvenASmallLaterChangeQueuesBehindIt() {
        changes.change("alice");
        changes.change("alice");
        collect();

        assertThat(told).extracting(StatusNotification::getVersion).as("nothing of version 2 before version 1 is done")
                .containsOnly(1L);

        drain();
        assertThat(told.stream().filter(n -> n.getRecipientId().equals("alice")).map(StatusNotification::getVersion))
                .containsExactly(1L, 2L);
    }

    @Test
    void R_NOT_2_anotherUsersChangeIsNotHeldUpByAPendingFanOut() {
        changes.change("alice");
        tick();
        collect();

        changes.change("bob");

        assertThat(VisibleChanges.recipients(presence.notified(), NotificationReason.SUBSCRIBER))
                .as("bob's change goes out at once, while alice's is still being worked off").containsExactly("sam");
        assertThat(collect()).isZero();
        drain();
        assertThat(told).filteredOn(n -> n.getUserId().equals("alice")).hasSize(1 + 40);
    }

    /** Moves the wall clock one tick: one turn of every pending fan-out. */
    private void tick() {
        wallClock = wallClock.plus(TICK);
        presence.wallClockAt(wallClock);
    }

    /** Ticks until no more notifications come. */
    private void drain() {
        do {
            tick();
        } while (collect() > 0);
    }

    /** Reads what the topology sent since last time; returns how many. */
    private int collect() {
        List<StatusNotification> fresh = presence.notified();
        told.addAll(fresh);
        return fresh.size();
    }

}
