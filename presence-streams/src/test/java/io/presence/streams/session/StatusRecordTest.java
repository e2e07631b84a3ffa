package io.presence.streams.session;

import static io.presence.streams.session.FoldOutcome.IGNORED;
import static io.presence.streams.session.GeneralStatus.UNLOGINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.session.SessionEvent.Login;
import org.junit.jupiter.api.Test;

/** SPEC §1's status record: version, lastChangedAt, lastSeenAt. */
class StatusRecordTest {

    private final UserTimeline alice = new UserTimeline();

    @Test
    void SPEC_1_aUserNeverSeenIsVersionZeroAndUnlogined() {
        UserPresence unknown = UserPresence.unknown("bob");

        assertThat(unknown.version()).isZero();
        assertThat(unknown.status()).isEqualTo(UNLOGINED);
        assertThat(unknown.customStatus()).isEmpty();
        assertThat(unknown.lastSeenAt()).isNull();
        assertThat(unknown.devices()).isEmpty();
    }

    @Test
    void SPEC_1_versionCountsChangesOnly() {
        alice.given(
                alice.login(1_000, "d1", "c1"),          // 1
                alice.heartbeat(2_000, "d1", "c1"),      // refresh: no change
                alice.setCustomStatus(2_500, "busy"),    // 2
                alice.setCustomStatus(2_600, "busy"),    // same text: no change
                alice.heartbeat(3_000, "d9", "c9"),      // rejected
                alice.login(4_000, "d2", "c2"),          // 3: the device list is part of the record
                alice.disconnect(5_000, "d1", "c0"),     // old connection: ignored
                alice.disconnect(6_000, "d1", "c1"));    // 4

        assertThat(alice.state().version()).isEqualTo(4);
    }

    @Test
    void SPEC_1_lastChangedAtIsTheTimestampOfTheEventThatMadeTheLastChange() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.setCustomStatus(2_000, "busy"));

        // when: a heartbeat at t=3000 changes nothing
        alice.when(alice.heartbeat(3_000, "d1", "c1"));

        assertThat(alice.state().lastChangedAt()).isEqualTo(2_000);
    }

    @Test
    void SPEC_1_lastSeenAtIsNullUntilTheUserFirstLeavesOnline() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.login(2_000, "d2", "c2"),
                alice.disconnect(3_000, "d1", "c1"));

        assertThat(alice.state().lastSeenAt()).isNull();
    }

    @Test
    void SPEC_1_lastSeenAtIsTheDisconnectTimestamp() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeat(2_000, "d1", "c1"));

        alice.when(alice.disconnect(3_000, "d1", "c1"));

        assertThat(alice.state().lastSeenAt()).isEqualTo(3_000L);
    }

    @Test
    void SPEC_1_lastSeenAtOfAnExpiredConnectionIsItsLastHeartbeat() {
        // given: the last heartbeat at t=2000
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeat(2_000, "d1", "c1"));

        // when: the expiry is proposed at t=402300
        alice.when(alice.heartbeatExpired(402_300, "d1", "c1", 2_000L));

        assertThat(alice.state().lastSeenAt()).isEqualTo(2_000L);
        assertThat(alice.state().lastChangedAt()).isEqualTo(402_300);
    }

    @Test
    void SPEC_1_lastSeenAtIsKeptWhileOnlineAgainAndMovesOnTheNextExit() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.logout(2_000, "d1"));

        alice.when(alice.login(3_000, "d1", "c2"));
        assertThat(alice.state().lastSeenAt()).isEqualTo(2_000L);

        alice.when(alice.disconnect(4_000, "d1", "c2"));
        assertThat(alice.state().lastSeenAt()).isEqualTo(4_000L);
    }

    @Test
    void SPEC_1_aTransitionCarriesThePreviousAndCurrentRecordAndItsCause() {
        alice.given(alice.login(1_000, "d1", "c1"));
        UserPresence before = alice.state();
        SessionEvent.Disconnect disconnect = alice.disconnect(2_000, "d1", "c1");

        FoldResult result = alice.when(disconnect);

        assertThat(result.transition()).hasValueSatisfying(t -> {
            assertThat(t.previous()).isEqualTo(before);
            assertThat(t.current()).isEqualTo(alice.state());
            assertThat(t.cause()).isEqualTo(disconnect);
            assertThat(t.at()).isEqualTo(2_000);
        });
    }

    @Test
    void SPEC_2_anEventOfAnotherUserIsIgnored() {
        Login mallory = new Login("x1", 1_000, "gw-1", "mallory", "d1", "c1", Platform.WEB);

        FoldResult result = alice.when(mallory);

        assertThat(result.outcome()).isEqualTo(IGNORED);
        assertThat(result.stateChanged()).isFalse();
    }
}
