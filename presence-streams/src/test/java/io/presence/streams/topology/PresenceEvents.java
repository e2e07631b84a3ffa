package io.presence.streams.topology;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import java.time.Instant;

/** Public events as a gateway or ingest would write them, for driver and integration tests. Ids e1, e2, … per instance. */
public final class PresenceEvents {

    private final String prefix;
    private int nextId = 1;

    public PresenceEvents() {
        this("e");
    }

    /** @param prefix makes event ids unique across tests that share a broker */
    public PresenceEvents(String prefix) {
        this.prefix = prefix;
    }

    public PresenceEvent login(String user, String device, String connection, Platform platform, long at) {
        return event(EventType.LOGIN, user, device, connection, platform, null, at);
    }

    public PresenceEvent login(String user, String device, String connection, long at) {
        return login(user, device, connection, Platform.IOS, at);
    }

    public PresenceEvent heartbeat(String user, String device, String connection, long at) {
        return event(EventType.HEARTBEAT, user, device, connection, null, null, at);
    }

    public PresenceEvent disconnect(String user, String device, String connection, long at) {
        return event(EventType.DISCONNECT, user, device, connection, null, null, at);
    }

    public PresenceEvent logout(String user, String device, long at) {
        return event(EventType.LOGOUT, user, device, null, null, null, at);
    }

    public PresenceEvent setCustomStatus(String user, String text, long at) {
        return event(EventType.SET_CUSTOM_STATUS, user, null, null, null, text, at);
    }

    public PresenceEvent heartbeatExpired(String user, String device, String connection, long lastHeartbeatAt, long at) {
        PresenceEvent e = event(EventType.HEARTBEAT_EXPIRED, user, device, connection, null, null, at);
        e.setLastHeartbeatAt(Instant.ofEpochMilli(lastHeartbeatAt));
        return e;
    }

    public PresenceEvent event(EventType type, String user, String device, String connection, Platform platform,
                               String customStatus, long at) {
        return new PresenceEvent(prefix + nextId++, Instant.ofEpochMilli(at), "gw-1", type, user, device, connection,
                platform, customStatus, null);
    }
}
