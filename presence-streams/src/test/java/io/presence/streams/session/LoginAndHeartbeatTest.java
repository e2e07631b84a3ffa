package io.presence.streams.session;

import static io.presence.streams.session.DeviceState.CONNECTED;
import static io.presence.streams.session.FoldOutcome.APPLIED_CHANGE;
import static io.presence.streams.session.FoldOutcome.NO_CHANGE;
import static io.presence.streams.session.FoldOutcome.REJECTED_HEARTBEAT;
import static io.presence.streams.session.GeneralStatus.OFFLINE;
import static io.presence.streams.session.GeneralStatus.ONLINE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginAndHeartbeatTest {

    private final UserTimeline alice = new UserTimeline();

    @Test
    void R_SES_1_loginMakesDeviceConnectedOnItsConnectionAndUserOnline() {
        // when: d1 logs in on c1 at t=1000
        FoldResult result = alice.when(alice.login(1_000, "d1", "c1", Platform.ANDROID));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
        assertThat(alice.state().devices()).containsExactly(
                new DeviceSession("d1", Platform.ANDROID, CONNECTED, "c1", 1_000, 1_000));
        assertThat(result.transition()).hasValueSatisfying(t -> {
            assertThat(t.previous()).isEqualTo(UserPresence.unknown(UserTimeline.USER));
            assertThat(t.current()).isEqualTo(alice.state());
        });
    }

    @Test
    void R_SES_1_loginOnANewConnectionMakesItCurrentAndStartsANewSession() {
        alice.given(alice.login(1_000, "d1", "c1"));

        // when: the same device logs in again on c2 at t=2000 — since restarts there
        FoldResult result = alice.when(alice.login(2_000, "d1", "c2"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().devices()).containsExactly(
                new DeviceSession("d1", Platform.IOS, CONNECTED, "c2", 2_000, 2_000));
        assertThat(alice.state().version()).isEqualTo(2);
    }

    @Test
    void R_SES_1_loginOfADisconnectedDeviceBringsTheUserBackOnline() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(2_000, "d1", "c1"));
        assertThat(alice.state().status()).isEqualTo(OFFLINE);

        // when: d1 logs in on c2 at t=3000
        FoldResult result = alice.when(alice.login(3_000, "d1", "c2"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
        assertThat(alice.state().device("d1")).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(CONNECTED);
            assertThat(d.connectionId()).isEqualTo("c2");
            assertThat(d.since()).isEqualTo(3_000);
        });
    }

    @Test
    void R_SES_1_loginRepeatedOnTheLiveConnectionOnlyRefreshesIt() {
        alice.given(alice.login(1_000, "d1", "c1"));
        UserPresence before = alice.state();

        // when: the gateway retries the LOGIN with a new eventId at t=1500
        FoldResult result = alice.when(alice.login(1_500, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(NO_CHANGE);
        assertThat(result.transition()).isEmpty();
        assertThat(alice.state().version()).isEqualTo(before.version());
        assertThat(alice.state().device("d1")).hasValueSatisfying(d -> {
            assertThat(d.since()).isEqualTo(1_000);
            assertThat(d.lastHeartbeatAt()).isEqualTo(1_500);
        });
    }

    @Test
    void R_SES_1_loginOfASecondDeviceIsAChangeThoughTheUserStaysOnline() {
        alice.given(alice.login(1_000, "d1", "c1"));

        // when: d2 logs in at t=2000
        FoldResult result = alice.when(alice.login(2_000, "d2", "c2", Platform.WEB));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().version()).isEqualTo(2);
        assertThat(alice.state().devices()).extracting(DeviceSession::deviceId).containsExactly("d1", "d2");
        assertThat(result.transition()).hasValueSatisfying(t -> assertThat(t.changesVisibleStatus()).isFalse());
    }

    @Test
    void R_SES_2_heartbeatOnTheCurrentConnectionRefreshesItsDeadlineWithoutAChange() {
        alice.given(alice.login(1_000, "d1", "c1"));

        // when: a heartbeat on c1 at t=31000
        FoldResult result = alice.when(alice.heartbeat(31_000, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(NO_CHANGE);
        assertThat(result.transition()).isEmpty();
        assertThat(result.stateChanged()).as("the detector reads the new lastHeartbeatAt").isTrue();
        assertThat(alice.state().version()).isEqualTo(1);
        assertThat(alice.state().lastChangedAt()).isEqualTo(1_000);
        assertThat(alice.state().device("d1")).hasValueSatisfying(d -> {
            assertThat(d.lastHeartbeatAt()).isEqualTo(31_000);
            assertThat(d.since()).isEqualTo(1_000);
        });
    }

    @Test
    void R_SES_2_heartbeatOnANewConnectionReconnectsADisconnectedDevice() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(2_000, "d1", "c1"));

        // when: the app reconnects through another gateway on c2 at t=3000
        FoldResult result = alice.when(alice.heartbeat(3_000, "d1", "c2"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
        assertThat(alice.state().devices()).containsExactly(
                new DeviceSession("d1", Platform.IOS, CONNECTED, "c2", 3_000, 3_000));
    }

    @Test
    void R_SES_2_heartbeatOnTheExpiredConnectionReconnectsIt() {
        // given: c1's last heartbeat at t=1000, expired by the detector at t=401000
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeatExpired(401_000, "d1", "c1", 1_000L));
        assertThat(alice.state().status()).isEqualTo(OFFLINE);

        // when: c1 was alive after all, heartbeat at t=402000
        FoldResult result = alice.when(alice.heartbeat(402_000, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
        assertThat(alice.state().device("d1")).hasValueSatisfying(d -> {
            assertThat(d.connectionId()).isEqualTo("c1");
            assertThat(d.since()).isEqualTo(402_000);
        });
    }

    @Test
    void R_SES_2_heartbeatOfADeviceNeverLoggedInIsRejectedAndChangesNothing() {
        UserPresence before = alice.state();

        FoldResult result = alice.when(alice.heartbeat(1_000, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(REJECTED_HEARTBEAT);
        assertThat(result.stateChanged()).isFalse();
        assertThat(alice.state()).isEqualTo(before);
    }

    @Test
    void R_SES_2_heartbeatOfALoggedOutDeviceIsRejected() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.logout(2_000, "d1"));
        UserPresence before = alice.state();

        // when: a heartbeat on the old connection at t=3000, after the logout
        FoldResult result = alice.when(alice.heartbeat(3_000, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(REJECTED_HEARTBEAT);
        assertThat(alice.state()).isEqualTo(before);
    }

    @Test
    void R_SES_2_heartbeatOnAnotherConnectionMovesALiveDeviceToIt() {
        alice.given(alice.login(1_000, "d1", "c1"));

        // when: c2 heartbeats at t=2000 while gateway A has not yet noticed c1 died
        FoldResult result = alice.when(alice.heartbeat(2_000, "d1", "c2"));

        // then: c2 is current (connectionId is published, so it is a change), the session goes on
        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().version()).isEqualTo(2);
        assertThat(alice.state().devices()).containsExactly(
                new DeviceSession("d1", Platform.IOS, CONNECTED, "c2", 1_000, 2_000));
        assertThat(result.transition()).hasValueSatisfying(t -> assertThat(t.changesVisibleStatus()).isFalse());
    }
}
