package io.presence.streams.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.streams.session.DeviceSession;
import io.presence.streams.session.DeviceState;
import io.presence.streams.session.Platform;
import io.presence.streams.session.SessionEvent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTimeoutsTest {

    private final SessionTimeouts timeouts = new SessionTimeouts(Duration.ofSeconds(400),
            Map.of(Platform.WEB, Duration.ofSeconds(60)), Duration.ofDays(30));

    @Test
    void R_SES_4_aConnectedDeviceIsDueAtItsLastHeartbeatPlusItsPlatformsTimeout() {
        assertThat(timeouts.deadlineOf(connected(Platform.IOS, 5_000))).isEqualTo(405_000);
        assertThat(timeouts.deadlineOf(connected(Platform.WEB, 5_000))).isEqualTo(65_000);
    }

    @Test
    void R_SES_5_aDisconnectedDeviceIsDueAtTheRetentionAfterItDisconnected() {
        DeviceSession device = new DeviceSession("d1", Platform.IOS, DeviceState.DISCONNECTED, "c1", 9_000, 5_000);

        assertThat(timeouts.deadlineOf(device)).isEqualTo(9_000 + Duration.ofDays(30).toMillis());
        assertThat(timeouts.proposalFor("alice", device, "detector")).isInstanceOf(SessionEvent.SessionExpired.class);
    }

    @Test
    void R_SES_4_theProposalIsStampedWithTheDeadline() {
        SessionEvent proposal = timeouts.proposalFor("alice", connected(Platform.WEB, 5_000), "detector");

        assertThat(proposal).isInstanceOf(SessionEvent.HeartbeatExpired.class);
        assertThat(proposal.timestamp()).isEqualTo(65_000);
    }

    @Test
    void aTimeoutMustBeShorterThanTheRetention() {
        assertThatThrownBy(() -> new SessionTimeouts(Duration.ofDays(31), Map.of(), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
    }

    private static DeviceSession connected(Platform platform, long lastHeartbeatAt) {
        return new DeviceSession("d1", platform, DeviceState.CONNECTED, "c1", 1_000, lastHeartbeatAt);
    }
}
