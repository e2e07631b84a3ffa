package io.presence.streams.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.streams.session.SessionEvent;
import io.presence.streams.topology.PresenceEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceEventMapperTest {

    private final PresenceEvents gateway = new PresenceEvents();

    @Test
    void everyTypeSurvivesTheRoundTrip() {
        List<PresenceEvent> events = List.of(
                gateway.login("alice", "phone", "c1", Platform.ANDROID, 1_000),
                gateway.heartbeat("alice", "phone", "c1", 2_000),
                gateway.disconnect("alice", "phone", "c1", 3_000),
                gateway.logout("alice", "phone", 4_000),
                gateway.setCustomStatus("alice", "Listening to music", 5_000),
                gateway.heartbeatExpired("alice", "phone", "c1", 2_000, 6_000),
                gateway.event(EventType.SESSION_EXPIRED, "alice", "phone", null, null, null, 7_000));
        for (PresenceEvent event : events) {
            SessionEvent domain = PresenceEventMapper.toSessionEvent(event);
            assertThat(PresenceEventMapper.typeOf(domain)).isEqualTo(event.getType());
            assertThat(PresenceEventMapper.toPresenceEvent(domain)).isEqualTo(event);
        }
    }

    @Test
    void theProposalGuardsAreCarried() {
        SessionEvent expired = PresenceEventMapper.toSessionEvent(gateway.heartbeatExpired("alice", "phone", "c1", 2_000, 6_000));

        assertThat(expired).isEqualTo(new SessionEvent.HeartbeatExpired("e1", 6_000, "gw-1", "alice", "phone", "c1", 2_000L));
    }
}
