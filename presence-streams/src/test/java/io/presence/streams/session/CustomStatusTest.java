package io.presence.streams.session;

import static io.presence.streams.session.FoldOutcome.APPLIED_CHANGE;
import static io.presence.streams.session.FoldOutcome.IGNORED;
import static io.presence.streams.session.FoldOutcome.NO_CHANGE;
import static io.presence.streams.session.GeneralStatus.OFFLINE;
import static io.presence.streams.session.GeneralStatus.ONLINE;
import static io.presence.streams.session.GeneralStatus.UNLOGINED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomStatusTest {

    private final UserTimeline alice = new UserTimeline();

    @Test
    void R_CUS_1_setsTheCustomStatusWhileOnline() {
        alice.given(alice.login(1_000, "d1", "c1"));

        // when: "Listening to music" at t=2000
        FoldResult result = alice.when(alice.setCustomStatus(2_000, "Listening to music"));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().customStatus()).isEqualTo("Listening to music");
        assertThat(alice.state().version()).isEqualTo(2);
        assertThat(alice.state().lastChangedAt()).isEqualTo(2_000);
        assertThat(result.transition()).hasValueSatisfying(t -> assertThat(t.changesVisibleStatus()).isTrue());
    }

    @Test
    void R_CUS_1_emptyTextClearsIt() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.setCustomStatus(2_000, "busy"));

        FoldResult result = alice.when(alice.setCustomStatus(3_000, ""));

        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().customStatus()).isEmpty();
        assertThat(alice.state().version()).isEqualTo(3);
    }

    @Test
    void R_CUS_1_changesNothingWhileUnlogined() {
        FoldResult result = alice.when(alice.setCustomStatus(1_000, "busy"));

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(result.transition()).isEmpty();
        assertThat(alice.state().status()).isEqualTo(UNLOGINED);
        assertThat(alice.state().customStatus()).isEmpty();
        assertThat(alice.state().version()).isZero();
    }

    @Test
    void R_CUS_1_changesNothingWhileOffline() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(2_000, "d1", "c1"));
        long version = alice.state().version();

        FoldResult result = alice.when(alice.setCustomStatus(3_000, "busy"));

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(alice.state().status()).isEqualTo(OFFLINE);
        assertThat(alice.state().customStatus()).isEmpty();
        assertThat(alice.state().version()).isEqualTo(version);
    }

    @Test
    void R_CUS_1_settingTheSameTextAgainIsNoChange() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.setCustomStatus(2_000, "busy"));

        FoldResult result = alice.when(alice.setCustomStatus(3_000, "busy"));

        assertThat(result.outcome()).isEqualTo(NO_CHANGE);
        assertThat(result.transition()).isEmpty();
        assertThat(alice.state().version()).isEqualTo(2);
        assertThat(alice.state().lastChangedAt()).isEqualTo(2_000);
    }

    @Test
    void R_CUS_2_leavingOnlineClearsTheCustomStatusInTheSameChange() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.setCustomStatus(2_000, "busy"));

        // when: d1 disconnects at t=3000
        FoldResult result = alice.when(alice.disconnect(3_000, "d1", "c1"));

        assertThat(result.transition()).hasValueSatisfying(t -> {
            assertThat(t.previous().customStatus()).isEqualTo("busy");
            assertThat(t.current().status()).isEqualTo(OFFLINE);
            assertThat(t.current().customStatus()).isEmpty();
            assertThat(t.current().version()).isEqualTo(t.previous().version() + 1);
        });
    }

    @Test
    void R_CUS_2_logoutAndExpiryClearItToo() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.login(1_100, "d2", "c2"),
                alice.setCustomStatus(2_000, "busy"));

        // when: d1 logs out at t=3000 (user still ONLINE on d2), then d2 expires at t=401100
        alice.when(alice.logout(3_000, "d1"));
        assertThat(alice.state().customStatus()).isEqualTo("busy");
        alice.when(alice.heartbeatExpired(401_100, "d2", "c2", 1_100L));

        assertThat(alice.state().status()).isEqualTo(OFFLINE);
        assertThat(alice.state().customStatus()).isEmpty();
    }

    @Test
    void R_CUS_2_customStatusDoesNotComeBackOnReconnect() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.setCustomStatus(2_000, "busy"),
                alice.disconnect(3_000, "d1", "c1"));

        alice.when(alice.heartbeat(4_000, "d1", "c2"));

        assertThat(alice.state().status()).isEqualTo(ONLINE);
        assertThat(alice.state().customStatus()).isEmpty();
    }
}
