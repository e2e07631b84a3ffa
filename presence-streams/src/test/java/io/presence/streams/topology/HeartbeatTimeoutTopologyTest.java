package io.presence.streams.topology;

import static io.presence.streams.topology.PresenceDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.GeneralStatus;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import io.presence.streams.session.DeviceSession;
import io.presence.streams.session.ExpiryProposals;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.SessionTimeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-SES-4 through the topology: the detector runs on the driver's mocked wall clock, and nothing
 * but the wall clock moves unless a test says so.
 */
class HeartbeatTimeoutTopologyTest {

    private static final Duration TICK = Duration.ofMillis(250);

    @TempDir
    Path stateDir;

    private PresenceDriver presence;
    private final PresenceEvents gateway = new PresenceEvents();

    private PresenceDriver start(SessionTimeouts timeouts, int maxEntriesPerTick) {
        presence = new PresenceDriver(new TopologySettings(timeouts,
                new DetectorSettings(TICK, maxEntriesPerTick, 1_000)), stateDir);
        return presence;
    }

    private PresenceDriver start() {
        return start(SessionTimeouts.defaults(), 10_000);
    }

    @AfterEach
    void stop() {
        presence.close();
    }

    @Test
    void R_SES_4_silentConnectionIsExpiredByWallClock() {
        start().pipe(gateway.login("alice", "phone", "c1", T0));

        // when: nothing arrives on the partition; only the wall clock moves past the 400 s deadline
        presence.wallClockAt(Duration.ofSeconds(400).plus(TICK));

        assertThat(presence.proposals()).singleElement().satisfies(expiry -> {
            assertThat(expiry.getType()).isEqualTo(EventType.HEARTBEAT_EXPIRED);
            assertThat(expiry.getUserId()).isEqualTo("alice");
            assertThat(expiry.getDeviceId()).isEqualTo("phone");
            assertThat(expiry.getConnectionId()).isEqualTo("c1");
            assertThat(expiry.getLastHeartbeatAt()).isEqualTo(Instant.ofEpochMilli(T0));
        });
        assertThat(presence.statuses()).last().satisfies(status -> {
            assertThat(status.getStatus()).isEqualTo(GeneralStatus.OFFLINE);
            assertThat(status.getLastSeenAt()).as("last seen at its last heartbeat").isEqualTo(Instant.ofEpochMilli(T0));
        });
        assertThat(presence.counter("presence.expiries", "type", "HEARTBEAT_EXPIRED")).isEqualTo(1);
    }

    @Test
    void R_SES_5_aFlappingDeviceKeepsOneEntryInTheTimeIndex() {
        start().pipe(gateway.login("alice", "phone", "c0", T0));
        // given: a phone on a bad network drops and comes back (R-SES-2) a hundred times in 200 s
        for (int i = 1; i <= 100; i++) {
            presence.pipe(gateway.disconnect("alice", "phone", "c" + (i - 1), T0 + i * 2_000L - 1_000));
            presence.pipe(gateway.heartbeat("alice", "phone", "c" + i, T0 + i * 2_000L));
        }
        presence.pipe(gateway.disconnect("alice", "phone", "c100", T0 + 201_000));

        // then: only its 30-day retention deadline is left, not one per disconnect and reconnect
        assertThat(presence.deadlineEntries()).isEqualTo(1);
        assertThat(presence.storedState("alice").devices()).singleElement()
                .satisfies(device -> assertThat(device.since()).isEqualTo(T0 + 201_000));
    }

    @Test
    void R_SES_4_aReconnectedDeviceOutlivesItsEarlierConnectionsDeadline() {
        start().pipe(gateway.login("alice", "phone", "c1", T0));
        presence.pipe(gateway.disconnect("alice", "phone", "c1", T0 + 10_000));
        presence.pipe(gateway.heartbeat("alice", "phone", "c2", T0 + 20_000));

        // when: c1's deadline passes (its entry went when the device disconnected)
        presence.wallClockAt(Duration.ofSeconds(400).plus(TICK));
        assertThat(presence.proposals()).as("c2 is live until 420 s").isEmpty();

        presence.wallClockAt(Duration.ofSeconds(420).plus(TICK));
        assertThat(presence.proposals()).singleElement()
                .satisfies(expiry -> assertThat(expiry.getConnectionId()).isEqualTo("c2"));
        assertThat(presence.deadlineEntries()).as("the device's retention deadline, once").isEqualTo(1);
    }

    @Test
    void R_SES_4_nothingExpiresBeforeTheDeadline() {
        start().pipe(gateway.login("alice", "phone", "c1", T0));

        presence.wallClockAt(Duration.ofMillis(399_900));

        assertThat(presence.proposals()).isEmpty();
        assertThat(presence.storedState("alice").status()).isEqualTo(io.presence.streams.session.GeneralStatus.ONLINE);
    }

    @Test
    void R_SES_4_expiryIsDeterministicAndStampedWithTheDeadline() {
        start().pipe(gateway.login("alice", "phone", "c1", T0));
        DeviceSession seen = presence.storedState("alice").device("phone").orElseThrow();

        presence.wallClockAt(Duration.ofSeconds(401));

        PresenceEvent expiry = presence.proposals().get(0);
        assertThat(expiry.getEventId()).as("derived from user, device, connection and last heartbeat")
                .isEqualTo(ExpiryProposals.heartbeatExpired("alice", seen, 0, "any").eventId());
        assertThat(expiry.getTimestamp()).isEqualTo(Instant.ofEpochMilli(T0 + 400_000));
    }

    @Test
    void R_SES_4_heartbeatMovesTheDeadlineAndTheDueEntryIsRefiled() {
        start().pipe(gateway.login("alice", "phone", "c1", T0));
        presence.pipe(gateway.heartbeat("alice", "phone", "c1", T0 + 300_000));

        // when: the login's deadline passes; the entry finds a later heartbeat and is re-filed
        presence.wallClockAt(Duration.ofSeconds(401));
        assertThat(presence.proposals()).isEmpty();

        presence.wallClockAt(Duration.ofSeconds(700).plus(TICK));
        assertThat(presence.proposals()).singleElement().satisfies(expiry ->
                assertThat(expiry.getLastHeartbeatAt()).isEqualTo(Instant.ofEpochMilli(T0 + 300_000)));
    }

    @Test
    void R_SES_4_aLoginDeliveredAfterItsDeadlineExpiresAtTheNextTick() {
        start().wallClockAt(Duration.ofSeconds(1_000));

        // given: a gateway delivers a login stamped 1000 s ago, after the detector's scans passed its deadline
        presence.pipe(gateway.login("alice", "phone", "c1", T0));
        presence.wallClockAt(Duration.ofSeconds(1_000).plus(TICK));

        assertThat(presence.proposals()).singleElement().satisfies(expiry -> {
            assertThat(expiry.getConnectionId()).isEqualTo("c1");
            assertThat(expiry.getTimestamp()).isEqualTo(Instant.ofEpochMilli(T0 + 400_000));
        });
    }

    @Test
    void R_SES_4_timeoutIsPerPlatform() {
        start(new SessionTimeouts(Duration.ofSeconds(400), Map.of(io.presence.streams.session.Platform.WEB,
                Duration.ofSeconds(60)), Duration.ofDays(30)), 10_000);
        presence.pipe(gateway.login("alice", "browser", "c1", Platform.WEB, T0),
                gateway.login("bob", "phone", "c2", Platform.IOS, T0));

        presence.wallClockAt(Duration.ofSeconds(61));

        assertThat(presence.proposals()).extracting(PresenceEvent::getUserId).containsExactly("alice");
        presence.wallClockAt(Duration.ofSeconds(401));
        assertThat(presence.proposals()).extracting(PresenceEvent::getUserId).containsExactly("bob");
    }

    @Test
    void R_SES_4_aHeartbeatThatRacedTheProposalWins() {
        start().pipe(gateway.login("alice", "phone", "c1", T0));
        presence.statuses();
        // given: a heartbeat reached the log just before a proposal built from the state before it
        presence.pipe(gateway.heartbeat("alice", "phone", "c1", T0 + 399_000),
                gateway.heartbeatExpired("alice", "phone", "c1", T0, T0 + 400_000));

        assertThat(presence.statuses()).as("the stale proposal is ignored").isEmpty();
        assertThat(presence.counter("presence.events.folded", "type", "HEARTBEAT_EXPIRED", "outcome", "IGNORED"))
                .isEqualTo(1);

        // then: the connection still times out, from the heartbeat that won
        presence.wallClockAt(Duration.ofSeconds(799).plus(TICK));
        assertThat(presence.proposals()).singleElement().satisfies(expiry ->
                assertThat(expiry.getLastHeartbeatAt()).isEqualTo(Instant.ofEpochMilli(T0 + 399_000)));
    }

    @Test
    void R_SES_4_everyDueConnectionExpiresWhenTheTickIsCapped() {
        start(SessionTimeouts.defaults(), 2);
        for (String user : List.of("u1", "u2", "u3", "u4", "u5")) {
            presence.pipe(gateway.login(user, "phone", "c-" + user, T0));
        }

        presence.wallClockAt(Duration.ofSeconds(400).plus(TICK));
        assertThat(presence.proposals()).as("at most 2 per tick").hasSize(2);
        // missed ticks are not replayed: one advance is one tick, so advance tick by tick
        presence.wallClockAt(Duration.ofSeconds(400).plus(TICK.multipliedBy(2)));
        presence.wallClockAt(Duration.ofSeconds(400).plus(TICK.multipliedBy(3)));

        assertThat(presence.statuses()).filteredOn(s -> s.getStatus() == GeneralStatus.OFFLINE)
                .extracting(UserStatus::getUserId).containsExactlyInAnyOrder("u1", "u2", "u3", "u4", "u5");
    }

    @Test
    void R_SES_4_detectorLagIsTheAgeOfTheOldestDueDeadline() {
        start().pipe(gateway.login("alice", "phone", "c1", T0));

        presence.wallClockAt(Duration.ofSeconds(403));

        assertThat(presence.gauge("presence.detector.lag", "partition", "0")).isEqualTo(3.0);
    }

    @Test
    void R_SES_4_replayGuardHoldsTheDetectorBackUntilTheInputIsCaughtUp() {
        start().pipe(gateway.login("alice", "phone", "c1", T0));
        // given: the task is replaying; heartbeats after the login may still be unread
        presence.recordsBehind.set(50_000);

        presence.wallClockAt(Duration.ofSeconds(500));
        assertThat(presence.proposals()).isEmpty();
        assertThat(presence.counter("presence.detector.held.back")).isPositive();

        // when: caught up (and no later heartbeat was found in the backlog)
        presence.recordsBehind.set(3);
        presence.wallClockAt(Duration.ofSeconds(500).plus(TICK));
        assertThat(presence.proposals()).extracting(PresenceEvent::getConnectionId).containsExactly("c1");
    }

    @Test
    void R_SES_5_disconnectedDeviceIsRemovedAfterTheRetention() {
        start().pipe(gateway.login("alice", "phone", "c1", T0),
                gateway.disconnect("alice", "phone", "c1", T0 + 10_000));

        presence.wallClockAt(Duration.ofDays(30).plusSeconds(10).plus(TICK));

        assertThat(presence.proposals()).singleElement().satisfies(expiry -> {
            assertThat(expiry.getType()).isEqualTo(EventType.SESSION_EXPIRED);
            assertThat(expiry.getConnectionId()).isEqualTo("c1");
            assertThat(expiry.getTimestamp()).isEqualTo(Instant.ofEpochMilli(T0 + 10_000 + Duration.ofDays(30).toMillis()));
        });
        StatusChange last = presence.changes().get(2);
        assertThat(last.getCurrent().getStatus()).isEqualTo(GeneralStatus.UNLOGINED);
        assertThat(last.getCauseType()).isEqualTo(EventType.SESSION_EXPIRED);
    }

    @Test
    void R_SES_5_aTimedOutDeviceAgesOutThroughTheSameIndex() {
        start().pipe(gateway.login("alice", "phone", "c1", T0));
        presence.wallClockAt(Duration.ofSeconds(401));

        presence.wallClockAt(Duration.ofDays(30).plusSeconds(401));

        assertThat(presence.proposals()).extracting(PresenceEvent::getType)
                .containsExactly(EventType.HEARTBEAT_EXPIRED, EventType.SESSION_EXPIRED);
        assertThat(presence.storedState("alice").devices()).isEmpty();
    }

    @Test
    void R_SES_5_aDeviceThatReconnectsBeforeTheRetentionIsKept() {
        start().pipe(gateway.login("alice", "phone", "c1", T0),
                gateway.disconnect("alice", "phone", "c1", T0 + 10_000));
        presence.wallClockAt(Duration.ofDays(29));
        presence.pipe(gateway.heartbeat("alice", "phone", "c2", T0 + Duration.ofDays(29).toMillis()));
        presence.pipe(gateway.heartbeat("alice", "phone", "c2", T0 + Duration.ofDays(30).toMillis()));

        presence.wallClockAt(Duration.ofDays(30).plusSeconds(11));

        assertThat(presence.proposals()).isEmpty();
        assertThat(presence.storedState("alice").devices()).hasSize(1);
    }
}
