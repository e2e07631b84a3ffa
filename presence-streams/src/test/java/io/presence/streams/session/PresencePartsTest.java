package io.presence.streams.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PresencePartsTest {

    private final UserTimeline alice = new UserTimeline();

    @Test
    void aUserNeverSeenIsAnEmptyRecordAndNoLiveness() {
        PresenceParts parts = PresenceParts.split(UserPresence.unknown("bob"));

        assertThat(parts.liveness()).isEqualTo(UserLiveness.NONE);
        assertThat(parts.record().version()).isZero();
        assertThat(parts.merged()).isEqualTo(UserPresence.unknown("bob"));
    }

    @Test
    void theLivenessHoldsWhatAHeartbeatMovesAndTheRecordTheRest() {
        alice.given(alice.login(1_000, "phone", "c1"), alice.login(1_000, "tablet", "c2"),
                alice.disconnect(2_000, "tablet", "c2"), alice.heartbeat(3_000, "phone", "c1"));

        PresenceParts parts = PresenceParts.split(alice.state());

        assertThat(parts.liveness().devices()).isEqualTo(Map.of(
                "phone", new DeviceLiveness("c1", 3_000),
                "tablet", new DeviceLiveness(null, 1_000)));
        assertThat(parts.liveness().applied()).isEqualTo(alice.state().applied().devices());
        assertThat(parts.record().devices()).containsExactly(
                new DeviceRecord("phone", Platform.IOS, DeviceState.CONNECTED, "c1", 1_000),
                new DeviceRecord("tablet", Platform.IOS, DeviceState.DISCONNECTED, "c2", 2_000));
        assertThat(parts.merged()).isEqualTo(alice.state());
    }

    @Test
    void partsThatDisagreeOnADevicesConnectionAreRefused() {
        alice.given(alice.login(1_000, "phone", "c1"));
        PresenceParts parts = PresenceParts.split(alice.state());
        UserLiveness elsewhere = new UserLiveness(Map.of("phone", new DeviceLiveness("c9", 1_000)),
                parts.liveness().applied());
        UserLiveness missing = new UserLiveness(Map.of(), parts.liveness().applied());

        assertThatThrownBy(() -> new PresenceParts(parts.record(), elsewhere).merged())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("device phone of user alice");
        assertThatThrownBy(() -> new PresenceParts(parts.record(), missing).merged())
                .isInstanceOf(IllegalStateException.class);
    }
}
