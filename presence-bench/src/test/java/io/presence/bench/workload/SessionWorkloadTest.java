package io.presence.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.PresenceEvent;
import io.presence.streams.input.PresenceEventValidator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionWorkloadTest {

    private static final long START = 1_700_000_000_000L;

    private static List<GeneratedEvent> generate(SessionWorkload workload) {
        List<GeneratedEvent> events = new ArrayList<>();
        workload.generate(events::add);
        return events;
    }

    private static SessionWorkload realistic(int users) {
        return new SessionWorkload(SessionWorkload.Size.of(users, 20), EventMix.REALISTIC, 7, START, START + 600_000);
    }

    @Test
    void realisticMixIsAboutNinetyPercentHeartbeats() {
        List<GeneratedEvent> events = generate(realistic(2_000));
        Map<EventType, Integer> byType = new EnumMap<>(EventType.class);
        events.forEach(e -> byType.merge(e.type(), 1, Integer::sum));

        assertThat(events).hasSize(60_000);
        assertThat(share(byType, EventType.HEARTBEAT, events)).isBetween(0.87, 0.92);
        assertThat(share(byType, EventType.LOGIN, events)).isBetween(0.05, 0.08);
        assertThat(share(byType, EventType.DISCONNECT, events)).isBetween(0.005, 0.03);
        assertThat(share(byType, EventType.LOGOUT, events)).isBetween(0.005, 0.02);
        assertThat(share(byType, EventType.SET_CUSTOM_STATUS, events)).isBetween(0.01, 0.04);
    }

    @Test
    void gatewayMixHasOnlyTheTypesAGatewaySends() {
        List<GeneratedEvent> events = generate(new SessionWorkload(SessionWorkload.Size.of(500, 20), EventMix.GATEWAY, 7, START, START + 1));

        assertThat(events).extracting(GeneratedEvent::type)
                .containsOnly(EventType.LOGIN, EventType.HEARTBEAT, EventType.DISCONNECT, EventType.LOGOUT);
    }

    @Test
    void everyDeviceLogsInBeforeItsFirstHeartbeatAndEveryUserAppears() {
        List<GeneratedEvent> events = generate(realistic(1_000));
        Set<String> loggedIn = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (GeneratedEvent e : events) {
            users.add(e.userId());
            String device = e.userId() + "/" + e.deviceId();
            if (e.type() == EventType.LOGIN) {
                loggedIn.add(device);
            } else if (e.type() == EventType.HEARTBEAT) {
                assertThat(loggedIn).as("heartbeat of %s", device).contains(device);
            }
        }
        assertThat(users).hasSize(1_000);
        assertThat(loggedIn).hasSize(1_500);
    }

    @Test
    void timestampsNeverGoBackSoEveryDeviceIsInOrder() {
        List<GeneratedEvent> events = generate(realistic(500));

        Map<String, Long> last = new HashMap<>();
        for (GeneratedEvent e : events) {
            assertThat(e.timestamp()).isBetween(START, START + 600_000);
            Long previous = last.put(e.userId(), e.timestamp());
            assertThat(previous == null || previous <= e.timestamp()).isTrue();
        }
    }

    @Test
    void theSameSeedGivesTheSameEvents() {
        assertThat(generate(realistic(300))).isEqualTo(generate(realistic(300)));
    }

    @Test
    void everyEventPassesTheStreamsInputValidation() {
        for (GeneratedEvent e : generate(realistic(500))) {
            PresenceEvent event = e.toPresenceEvent("id-1", EventLoader.SOURCE);
            // the loader's records are stamped when written, after every event's own time
            assertThat(PresenceEventValidator.problemWith(e.userId(), event, event.getTimestamp().toEpochMilli()))
                    .as("%s", e).isEmpty();
        }
    }

    private static double share(Map<EventType, Integer> byType, EventType type, List<GeneratedEvent> all) {
        return byType.getOrDefault(type, 0) / (double) all.size();
    }
}
