package io.presence.streams.session;

import static io.presence.streams.session.FoldOutcome.APPLIED_CHANGE;
import static io.presence.streams.session.FoldOutcome.IGNORED;
import static io.presence.streams.session.GeneralStatus.OFFLINE;
import static io.presence.streams.session.GeneralStatus.ONLINE;
import static io.presence.streams.session.GeneralStatus.UNLOGINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.session.SessionEvent.SessionExpired;
import org.junit.jupiter.api.Test;

class SessionRemovalTest {

    private static final long DAY = 86_400_000L;

    private final UserTimeline alice = new UserTimeline();

    @Test
    void R_SES_5_sessionExpiredRemovesADeviceThatStayedDisconnected() {
        // given: d1 disconnected at t=2000
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(2_000, "d1", "c1"));
        SessionExpired proposal = ExpiryProposals.sessionExpired(
                UserTimeline.USER, alice.state().device("d1").orElseThrow(), 2_000 + 30 * DAY, "detector");

        // when: 30 days later the detector's proposal is folded
        FoldResult result = alice.when(proposal);

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(UNLOGINED);
        assertThat(alice.state().devices()).isEmpty();
        assertThat(alice.state().lastSeenAt()).as("set when the user left ONLINE, not now").isEqualTo(2_000L);
    }

    @Test
    void R_SES_5_sessionExpiredOfAConnectedDeviceIsIgnored() {
        alice.given(alice.login(1_000, "d1", "c1"));

        FoldResult result = alice.when(alice.sessionExpired(30 * DAY, "d1", null, null));

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
    }

    @Test
    void R_SES_5_sessionExpiredIsIgnoredWhenTheDeviceReconnectedAndDroppedAgainSince() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(2_000, "d1", "c1"));
        // the detector saw the t=2000 disconnection...
        SessionExpired proposal = ExpiryProposals.sessionExpired(
                UserTimeline.USER, alice.state().device("d1").orElseThrow(), 2_000 + 30 * DAY, "detector");
        // ...but before its proposal, d1 came back on c2 and dropped again (stamped just before it)
        alice.given(alice.heartbeat(30 * DAY, "d1", "c2"), alice.disconnect(30 * DAY + 1_000, "d1", "c2"));

        FoldResult result = alice.when(proposal);

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(alice.state().status()).isEqualTo(OFFLINE);
    }

    @Test
    void R_SES_5_sessionExpiredWithoutGuardsRemovesAnyDisconnectedDevice() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(2_000, "d1", "c1"));

        FoldResult result = alice.when(alice.sessionExpired(2_000 + 30 * DAY, "d1", null, null));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().devices()).isEmpty();
    }

    @Test
    void R_SES_5_sessionExpiryOfOneDeviceKeepsTheUserOnlineOnAnother() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(2_000, "d1", "c1"),
                alice.login(3_000, "d2", "c2"));

        FoldResult result = alice.when(alice.sessionExpired(2_000 + 30 * DAY, "d1", "c1", 1_000L));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
        assertThat(alice.state().devices()).extracting(DeviceSession::deviceId).containsExactly("d2");
    }

    @Test
    void R_SES_6_logoutOfTheOnlyDeviceMakesTheUserUnlogined() {
        alice.given(alice.login(1_000, "d1", "c1"));

        // when: d1 logs out at t=5000
        FoldResult result = alice.when(alice.logout(5_000, "d1"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(UNLOGINED);
        assertThat(alice.state().devices()).isEmpty();
        assertThat(alice.state().lastSeenAt()).isEqualTo(5_000L);
    }

    @Test
    void R_SES_6_userStaysOnlineWhileAnyDeviceIsConnected() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.login(2_000, "d2", "c2"));

        FoldResult result = alice.when(alice.logout(3_000, "d1"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
        assertThat(alice.state().lastSeenAt()).isNull();
    }

    @Test
    void R_SES_6_userIsOfflineWhileADisconnectedDeviceIsStillLoggedIn() {
        // given: d2 disconnected at t=3000, d1 still connected
        alice.given(alice.login(1_000, "d1", "c1"), alice.login(2_000, "d2", "c2"),
                alice.disconnect(3_000, "d2", "c2"));
        assertThat(alice.state().status()).isEqualTo(ONLINE);

        // when: d1 logs out at t=4000
        alice.when(alice.logout(4_000, "d1"));

        assertThat(alice.state().status()).isEqualTo(OFFLINE);
        assertThat(alice.state().lastSeenAt()).isEqualTo(4_000L);
    }

    @Test
    void R_SES_6_logoutOfADisconnectedDeviceMakesTheUserUnlogined() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(2_000, "d1", "c1"));

        FoldResult result = alice.when(alice.logout(3_000, "d1"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(UNLOGINED);
        assertThat(alice.state().lastSeenAt()).as("OFFLINE to UNLOGINED is not leaving ONLINE").isEqualTo(2_000L);
    }

    @Test
    void R_SES_6_logoutOfAnUnknownDeviceIsIgnored() {
        alice.given(alice.login(1_000, "d1", "c1"));

        FoldResult result = alice.when(alice.logout(2_000, "d9"));

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(result.stateChanged()).isFalse();
    }
}
