package io.presence.streams.session;

import static io.presence.streams.session.DeviceState.CONNECTED;
import static io.presence.streams.session.DeviceState.DISCONNECTED;
import static io.presence.streams.session.FoldOutcome.APPLIED_CHANGE;
import static io.presence.streams.session.FoldOutcome.DUPLICATE;
import static io.presence.streams.session.FoldOutcome.IGNORED;
import static io.presence.streams.session.FoldOutcome.NO_CHANGE;
import static io.presence.streams.session.GeneralStatus.OFFLINE;
import static io.presence.streams.session.GeneralStatus.ONLINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.session.SessionEvent.HeartbeatExpired;
import org.junit.jupiter.api.Test;

class DisconnectTest {

    private final UserTimeline alice = new UserTimeline();

    @Test
    void R_SES_3_disconnectOfTheCurrentConnectionMakesTheDeviceDisconnected() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeat(5_000, "d1", "c1"));

        // when: the gateway sees c1's socket close at t=6000
        FoldResult result = alice.when(alice.disconnect(6_000, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(OFFLINE);
        // the dead connection and its last heartbeat stay, so SESSION_EXPIRED can name them
        assertThat(alice.state().devices()).containsExactly(
                new DeviceSession("d1", Platform.IOS, DISCONNECTED, "c1", 6_000, 5_000));
    }

    @Test
    void R_SES_3_lateDisconnectOfOldConnectionIsIgnored() {
        // given: d1 on c1 at t=1000, reconnected elsewhere on c2 at t=2000
        alice.given(alice.login(1_000, "d1", "c1"), alice.login(2_000, "d1", "c2"));
        UserPresence before = alice.state();

        // when: gateway A reports c1 closed at t=3000 — newer than the reconnect, yet about an old connection
        FoldResult result = alice.when(alice.disconnect(3_000, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(result.transition()).isEmpty();
        assertThat(alice.state()).isEqualTo(before);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
    }

    @Test
    void R_SES_3_lateDisconnectAfterAHeartbeatMovedTheDeviceIsIgnored() {
        // given: d1 on c1 at t=1000, then heartbeating on c2 at t=2000
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeat(2_000, "d1", "c2"));

        // when: c1 closes at t=3000
        FoldResult result = alice.when(alice.disconnect(3_000, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
    }

    @Test
    void R_SES_3_ignoredDisconnectDoesNotFenceOffEarlierEventsOfTheDevice() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.login(2_000, "d1", "c2"),
                alice.disconnect(3_000, "d1", "c1"));

        // when: a c2 heartbeat stamped t=2500 (before the ignored t=3000 disconnect) arrives
        FoldResult result = alice.when(alice.heartbeat(2_500, "d1", "c2"));

        assertThat(result.outcome()).isEqualTo(NO_CHANGE);
        assertThat(alice.state().device("d1")).hasValueSatisfying(d -> assertThat(d.lastHeartbeatAt()).isEqualTo(2_500));
    }

    @Test
    void R_SES_3_disconnectOfAnUnknownDeviceIsIgnored() {
        alice.given(alice.login(1_000, "d1", "c1"));

        FoldResult result = alice.when(alice.disconnect(2_000, "d9", "c9"));

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(result.stateChanged()).isFalse();
    }

    @Test
    void R_SES_3_disconnectOfAnAlreadyDisconnectedDeviceIsIgnored() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(2_000, "d1", "c1"));

        // when: a second gateway report of the same close, with its own eventId, at t=2100
        FoldResult result = alice.when(alice.disconnect(2_100, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(alice.state().device("d1")).hasValueSatisfying(d -> assertThat(d.since()).isEqualTo(2_000));
    }

    @Test
    void R_SES_3_heartbeatExpiredDisconnectsTheConnectionItNames() {
        // given: c1's last heartbeat at t=10000
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeat(10_000, "d1", "c1"));

        // when: the detector proposes expiry at t=410500, having seen that heartbeat
        FoldResult result = alice.when(alice.heartbeatExpired(410_500, "d1", "c1", 10_000L));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(OFFLINE);
        assertThat(alice.state().devices()).containsExactly(
                new DeviceSession("d1", Platform.IOS, DISCONNECTED, "c1", 410_500, 10_000));
    }

    @Test
    void R_SES_3_heartbeatThatRacedTheExpiryProposalWins() {
        // given: the detector saw c1's heartbeat of t=10000, but a heartbeat at t=410000 got into the log first
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeat(10_000, "d1", "c1"),
                alice.heartbeat(410_000, "d1", "c1"));

        // when: the proposal, written at t=410500, is folded
        FoldResult result = alice.when(alice.heartbeatExpired(410_500, "d1", "c1", 10_000L));

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(alice.state().device("d1")).hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(CONNECTED));
    }

    @Test
    void R_SES_3_heartbeatExpiredOfAnOldConnectionIsIgnored() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.login(2_000, "d1", "c2"));

        // when: a proposal about c1 (last heartbeat t=1000) arrives at t=401000
        FoldResult result = alice.when(alice.heartbeatExpired(401_000, "d1", "c1", 1_000L));

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
    }

    @Test
    void R_SES_3_duplicateExpiryProposalsAreHarmless() {
        alice.given(alice.login(1_000, "d1", "c1"));
        HeartbeatExpired proposal = ExpiryProposals.heartbeatExpired(
                UserTimeline.USER, alice.state().device("d1").orElseThrow(), 401_000, "detector");
        alice.given(proposal);
        long version = alice.state().version();

        // when: the same proposal is redelivered, and the detector re-proposes it at t=401250
        FoldResult redelivered = alice.when(proposal);
        FoldResult reproposed = alice.when(new HeartbeatExpired(proposal.eventId(), 401_250, "detector",
                UserTimeline.USER, "d1", "c1", 1_000L));

        assertThat(redelivered.outcome()).isEqualTo(DUPLICATE);
        assertThat(reproposed.outcome()).isEqualTo(IGNORED);
        assertThat(alice.state().version()).isEqualTo(version);
    }

    @Test
    void R_SES_3_heartbeatExpiredWithoutLastHeartbeatChecksTheConnectionOnly() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeat(5_000, "d1", "c1"));

        // when: a writer that does not fill lastHeartbeatAt expires c1 at t=405000
        FoldResult result = alice.when(alice.heartbeatExpired(405_000, "d1", "c1", null));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(OFFLINE);
    }
}
