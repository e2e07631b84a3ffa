package io.presence.streams.query;

import io.presence.avro.PresenceEvent;
import io.presence.streams.avro.PresenceEventMapper;
import io.presence.streams.session.StatusFold;
import io.presence.streams.session.UserPresence;
import io.presence.streams.topology.PresenceEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users in every general status, the events that put them there, and the status each must be
 * answered with — worked out by the same pure fold the topology runs, so the expectation is exact.
 * Every third user is ONLINE with a custom status, every third OFFLINE, every third UNLOGINED.
 */
final class KnownUsers {

    private final List<PresenceEvent> events = new ArrayList<>();
    private final Map<String, StatusJson> expected = new LinkedHashMap<>();

    KnownUsers(String prefix, int count, long start) {
        PresenceEvents gateway = new PresenceEvents(prefix + "e");
        for (int i = 0; i < count; i++) {
            String user = prefix + "u" + i;
            long at = start + i;
            List<PresenceEvent> history = new ArrayList<>();
            history.add(gateway.login(user, "phone", "c" + i, at));
            switch (i % 3) {
                case 0 -> history.add(gateway.setCustomStatus(user, "text " + i, at + 1));
                case 1 -> history.add(gateway.disconnect(user, "phone", "c" + i, at + 1));
                default -> history.add(gateway.logout(user, "phone", at + 1));
            }
            UserPresence state = UserPresence.unknown(user);
            for (PresenceEvent event : history) {
                state = StatusFold.evolve(state, PresenceEventMapper.toSessionEvent(event)).state();
            }
            events.addAll(history);
            expected.put(user, StatusJson.of(state));
        }
    }

    List<PresenceEvent> events() {
        return events;
    }

    List<String> ids() {
        return List.copyOf(expected.keySet());
    }

    /** The status a query must answer for {@code userId}; a user never seen is UNLOGINED (R-QRY-1). */
    StatusJson expectedFor(String userId) {
        return expected.getOrDefault(userId, StatusJson.unknown(userId));
    }

    List<StatusJson> expectedFor(List<String> userIds) {
        return userIds.stream().map(this::expectedFor).toList();
    }
}
