package io.presence.streams.session;

import static io.presence.streams.session.FoldOutcome.APPLIED_CHANGE;
import static io.presence.streams.session.FoldOutcome.DUPLICATE;
import static io.presence.streams.session.FoldOutcome.NO_CHANGE;
import static io.presence.streams.session.FoldOutcome.STALE;
import static io.presence.streams.session.GeneralStatus.ONLINE;
import static io.presence.streams.session.GeneralStatus.UNLOGINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.session.SessionEvent.Heartbeat;
import io.presence.streams.session.SessionEvent.Login;
import io.presence.streams.session.SessionEvent.SetCustomStatus;
import org.junit.jupiter.api.Test;

class DeduplicationTest {

    private final UserTimeline alice = new UserTimeline();

    @Test
    void R_SES_7_duplicateEventIsAppliedOnce() {
        Login login = alice.login(1_000, "d1", "c1");
        alice.given(login);
        UserPresence before = alice.state();

        FoldResult result = alice.when(login);

        assertThat(result.outcome()).isEqualTo(DUPLICATE);
        assertThat(result.stateChanged()).isFalse();
        assertThat(alice.state()).isEqualTo(before);
    }

    @Test
    void R_SES_7_duplicateHeartbeatIsAppliedOnce() {
        Heartbeat heartbeat = alice.heartbeat(2_000, "d1", "c1");
        alice.given(alice.login(1_000, "d1", "c1"), heartbeat);

        assertThat(alice.when(heartbeat).outcome()).isEqualTo(DUPLICATE);
    }

    @Test
    void R_SES_7_eventOlderThanTheLastAppliedToItsDeviceIsStale() {
        // given: the last event applied to d1 is the t=2000 heartbeat
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeat(2_000, "d1", "c1"));
        UserPresence before = alice.state();

        // when: a disconnect stamped t=1500 arrives late
        FoldResult result = alice.when(alice.disconnect(1_500, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(STALE);
        assertThat(alice.state()).isEqualTo(before);
    }

    @Test
    void R_SES_7_redeliveredEventOlderThanTheLastAppliedIsStale() {
        Login login = alice.login(1_000, "d1", "c1");
        alice.given(login, alice.heartbeat(2_000, "d1", "c1"));

        // ids applied before t=2000 are forgotten: the copy is judged by its timestamp alone
        assertThat(alice.when(login).outcome()).isEqualTo(STALE);
    }

    @Test
    void R_SES_7_equalTimestampWithAnotherEventIdApplies() {
        alice.given(alice.login(1_000, "d1", "c1"));

        // when: a disconnect in the same millisecond as the login (t=1000)
        FoldResult result = alice.when(alice.disconnect(1_000, "d1", "c1"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().applied().devices().get("d1").eventIds()).containsExactlyInAnyOrder("e1", "e2");
    }

    @Test
    void R_SES_7_orderIsPerDevice() {
        // given: d1's last event is at t=5000
        alice.given(alice.login(5_000, "d1", "c1"));

        // when: d2 logs in with an older timestamp, t=1000
        FoldResult result = alice.when(alice.login(1_000, "d2", "c2"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().devices()).hasSize(2);
    }

    @Test
    void R_SES_7_lateLoginAfterLogoutDoesNotResurrectTheDevice() {
        Login login = alice.login(1_000, "d1", "c1");
        alice.given(login, alice.logout(2_000, "d1"));

        // when: the t=1000 login is redelivered, and a late login stamped t=1500 arrives
        FoldResult redelivered = alice.when(login);
        FoldResult late = alice.when(alice.login(1_500, "d1", "c2"));

        assertThat(redelivered.outcome()).isEqualTo(STALE);
        assertThat(late.outcome()).isEqualTo(STALE);
        assertThat(alice.state().status()).isEqualTo(UNLOGINED);
    }

    @Test
    void R_SES_7_loginAfterLogoutWithANewerTimestampLogsInAgain() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.logout(2_000, "d1"));

        assertThat(alice.when(alice.login(3_000, "d1", "c2")).outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().status()).isEqualTo(ONLINE);
    }

    @Test
    void R_SES_7_onlyTheNewestTombstonesAreKept() {
        // given: 40 devices each logged in and out, device i at t=i*10 and t=i*10+1
        for (int i = 1; i <= 40; i++) {
            alice.given(alice.login(i * 10L, "d" + i, "c" + i), alice.logout(i * 10L + 1, "d" + i));
        }
        alice.given(alice.login(1_000, "live", "c-live"));

        assertThat(alice.state().applied().devices()).hasSize(AppliedEvents.TOMBSTONES_KEPT + 1)
                .containsKeys("live", "d40", "d9").doesNotContainKeys("d1", "d8");
        // a forgotten device's late login is judged as if never seen: the bound's price
        assertThat(alice.when(alice.login(10, "d1", "c1")).outcome()).isEqualTo(APPLIED_CHANGE);
        // a remembered one is still fenced off
        assertThat(alice.when(alice.login(90, "d9", "c9")).outcome()).isEqualTo(STALE);
    }

    @Test
    void R_SES_7_duplicateOfARefusedCustomStatusStaysRefused() {
        // given: SET_CUSTOM_STATUS at t=1000 while UNLOGINED, then a login at t=2000
        SetCustomStatus set = alice.setCustomStatus(1_000, "busy");
        alice.given(set, alice.login(2_000, "d1", "c1"));

        // when: the refused event is redelivered now that the user is ONLINE
        FoldResult result = alice.when(set);

        assertThat(result.outcome()).isEqualTo(DUPLICATE);
        assertThat(alice.state().customStatus()).isEmpty();
    }

    @Test
    void R_SES_7_customStatusOlderThanTheLastOneIsStale() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.setCustomStatus(3_000, "at lunch"));

        // when: a SET_CUSTOM_STATUS stamped t=2000 arrives after the t=3000 one
        FoldResult result = alice.when(alice.setCustomStatus(2_000, "in a meeting"));

        assertThat(result.outcome()).isEqualTo(STALE);
        assertThat(alice.state().customStatus()).isEqualTo("at lunch");
    }

    @Test
    void R_SES_7_customStatusIsOrderedApartFromDevices() {
        // given: d1's events are at t=5000, the custom status event at t=2000
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeat(5_000, "d1", "c1"));

        assertThat(alice.when(alice.setCustomStatus(2_000, "busy")).outcome()).isEqualTo(APPLIED_CHANGE);
    }

    @Test
    void R_SES_7_refreshesRecordTheirIdsToo() {
        Heartbeat heartbeat = alice.heartbeat(2_000, "d1", "c1");
        alice.given(alice.login(1_000, "d1", "c1"));

        assertThat(alice.when(heartbeat).outcome()).isEqualTo(NO_CHANGE);
        assertThat(alice.state().applied().devices().get("d1"))
                .isEqualTo(EventWatermark.NONE.advancedBy(heartbeat.eventId(), 2_000));
    }
}
