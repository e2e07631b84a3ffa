package io.presence.streams.session;

import static io.presence.streams.session.FoldOutcome.APPLIED_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.session.SessionEvent.HeartbeatExpired;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpiryProposalsTest {

    private final UserTimeline alice = new UserTimeline();

    @Test
    void R_SES_4_deadlineIsTheLastHeartbeatPlusTheTimeout() {
        // given: logged in at t=1000, last heartbeat at t=61000
        alice.given(alice.login(1_000, "d1", "c1"), alice.heartbeat(61_000, "d1", "c1"));
        DeviceSession device = alice.state().device("d1").orElseThrow();

        assertThat(ExpiryProposals.heartbeatDeadline(device, Duration.ofSeconds(400))).isEqualTo(461_000);
    }

    @Test
    void R_SES_4_aProposalBuiltFromTheStateExpiresTheConnection() {
        alice.given(alice.login(1_000, "d1", "c1"));
        DeviceSession device = alice.state().device("d1").orElseThrow();

        // when: the detector proposes at t=401200, past the t=401000 deadline
        HeartbeatExpired proposal = ExpiryProposals.heartbeatExpired(UserTimeline.USER, device, 401_200, "detector");
        FoldResult result = alice.when(proposal);

        assertThat(proposal.connectionId()).isEqualTo("c1");
        assertThat(proposal.lastHeartbeatAt()).isEqualTo(1_000L);
        assertThat(result.outcome()).isEqualTo(APPLIED_CHANGE);
        assertThat(alice.state().lastSeenAt()).isEqualTo(1_000L);
    }

    @Test
    void R_SES_4_reproposingTheSameExpiryGivesTheSameEventId() {
        alice.given(alice.login(1_000, "d1", "c1"));
        DeviceSession seen = alice.state().device("d1").orElseThrow();
        alice.given(alice.heartbeat(2_000, "d1", "c1"));
        DeviceSession refreshed = alice.state().device("d1").orElseThrow();

        String first = ExpiryProposals.heartbeatExpired(UserTimeline.USER, seen, 401_000, "detector").eventId();
        String again = ExpiryProposals.heartbeatExpired(UserTimeline.USER, seen, 401_250, "detector-2").eventId();
        String later = ExpiryProposals.heartbeatExpired(UserTimeline.USER, refreshed, 402_000, "detector").eventId();

        assertThat(again).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void R_SES_5_retentionDeadlineCountsFromTheDisconnection() {
        // given: disconnected at t=5000
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(5_000, "d1", "c1"));
        DeviceSession device = alice.state().device("d1").orElseThrow();

        assertThat(ExpiryProposals.retentionDeadline(device, Duration.ofDays(30))).isEqualTo(5_000 + 2_592_000_000L);
    }
}
