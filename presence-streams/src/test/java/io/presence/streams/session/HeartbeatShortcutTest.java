package io.presence.streams.session;

import static io.presence.streams.session.FoldOutcome.DUPLICATE;
import static io.presence.streams.session.FoldOutcome.NO_CHANGE;
import static io.presence.streams.session.FoldOutcome.STALE;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.session.SessionEvent.Heartbeat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat shortcut ({@link UserLiveness#heartbeat}): what the live processor settles on a
 * user's liveness part without reading the record, and what it leaves to the full fold.
 */
class HeartbeatShortcutTest {

    private final UserTimeline alice = new UserTimeline();

    @Test
    void R_SES_2_aHeartbeatOnTheLiveConnectionRefreshesTheLivenessAlone() {
        alice.given(alice.login(1_000, "d1", "c1"));
        UserLiveness before = liveness();
        Heartbeat heartbeat = alice.heartbeat(61_000, "d1", "c1");

        LivenessResult result = before.heartbeat(heartbeat).orElseThrow();

        assertThat(result.outcome()).isEqualTo(NO_CHANGE);
        assertThat(result.stateChanged()).isTrue();
        assertThat(result.state().devices().get("d1")).isEqualTo(new DeviceLiveness("c1", 61_000));
        assertThat(result.state().applied().get("d1").eventIds()).containsExactly(heartbeat.eventId());
        // the fold of the whole state leaves exactly this liveness, and the record as it was
        UserPresence folded = StatusFold.evolve(alice.state(), heartbeat).state();
        assertThat(PresenceParts.split(folded)).isEqualTo(new PresenceParts(PresenceParts.split(alice.state()).record(),
                result.state()));
    }

    @Test
    void R_SES_7_aDuplicateHeartbeatIsSettledAndChangesNothing() {
        Heartbeat heartbeat = alice.heartbeat(2_000, "d1", "c1");
        alice.given(alice.login(1_000, "d1", "c1"), heartbeat);
        UserLiveness before = liveness();

        LivenessResult result = before.heartbeat(heartbeat).orElseThrow();

        assertThat(result.outcome()).isEqualTo(DUPLICATE);
        assertThat(result.stateChanged()).isFalse();
        assertThat(result.state()).isSameAs(before);
    }

    @Test
    void R_SES_7_aHeartbeatOlderThanTheLastEventOfItsDeviceIsStale() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(3_000, "d1", "c1"));

        // even on a disconnected device: the watermark decides before the connection is looked at
        Optional<LivenessResult> result = liveness().heartbeat(alice.heartbeat(2_000, "d1", "c1"));

        assertThat(result).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(STALE));
    }

    @Test
    void R_SES_7_aRedeliveredHeartbeatForALoggedOutDeviceIsSettledOnItsTombstone() {
        Heartbeat heartbeat = alice.heartbeat(2_000, "d1", "c1");
        alice.given(alice.login(1_000, "d1", "c1"), heartbeat, alice.logout(3_000, "d1"));

        assertThat(liveness().heartbeat(heartbeat)).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(STALE));
    }

    @Test
    void R_SES_2_aHeartbeatThatReconnectsADisconnectedDeviceNeedsTheRecord() {
        alice.given(alice.login(1_000, "d1", "c1"), alice.disconnect(2_000, "d1", "c1"));

        assertThat(liveness().heartbeat(alice.heartbeat(3_000, "d1", "c1"))).isEmpty();
        assertThat(liveness().heartbeat(alice.heartbeat(3_000, "d1", "c2"))).isEmpty();
    }

    @Test
    void R_SES_2_aHeartbeatOnAnotherConnectionOfAConnectedDeviceNeedsTheRecord() {
        alice.given(alice.login(1_000, "d1", "c1"));

        assertThat(liveness().heartbeat(alice.heartbeat(2_000, "d1", "c2"))).isEmpty();
    }

    @Test
    void R_SES_2_aHeartbeatForADeviceNotLoggedInIsLeftToTheFoldToReject() {
        alice.given(alice.login(1_000, "d1", "c1"));

        assertThat(liveness().heartbeat(alice.heartbeat(2_000, "d2", "c1"))).isEmpty();
        assertThat(UserLiveness.NONE.heartbeat(alice.heartbeat(2_000, "d1", "c1"))).isEmpty();
    }

    private UserLiveness liveness() {
        return PresenceParts.split(alice.state()).liveness();
    }
}
