package io.presence.streams.avro;

import io.presence.avro.EventType;
import io.presence.avro.PresenceEvent;
import io.presence.streams.session.SessionEvent;
import io.presence.streams.session.SessionEvent.Disconnect;
import io.presence.streams.session.SessionEvent.Heartbeat;
import io.presence.streams.session.SessionEvent.HeartbeatExpired;
import io.presence.streams.session.SessionEvent.Login;
import io.presence.streams.session.SessionEvent.Logout;
import io.presence.streams.session.SessionEvent.SessionExpired;
import io.presence.streams.session.SessionEvent.SetCustomStatus;
import java.time.Instant;

/**
 * The public Avro {@code PresenceEvent} and the fold's {@link SessionEvent}, one into the other.
 * {@link #toSessionEvent} expects an event that passed the input validation; the
 * records' null checks catch a mapping that would otherwise reach the fold half-filled.
 */
public final class PresenceEventMapper {

    private PresenceEventMapper() {
    }

    public static SessionEvent toSessionEvent(PresenceEvent e) {
        long at = e.getTimestamp().toEpochMilli();
        return switch (e.getType()) {
            case LOGIN -> new Login(e.getEventId(), at, e.getSource(), e.getUserId(), e.getDeviceId(),
                    e.getConnectionId(), AvroEnums.toDomain(e.getPlatform()));
            case HEARTBEAT -> new Heartbeat(e.getEventId(), at, e.getSource(), e.getUserId(), e.getDeviceId(),
                    e.getConnectionId());
            case DISCONNECT -> new Disconnect(e.getEventId(), at, e.getSource(), e.getUserId(), e.getDeviceId(),
                    e.getConnectionId());
            case LOGOUT -> new Logout(e.getEventId(), at, e.getSource(), e.getUserId(), e.getDeviceId());
            case SET_CUSTOM_STATUS -> new SetCustomStatus(e.getEventId(), at, e.getSource(), e.getUserId(),
                    e.getCustomStatus());
            case HEARTBEAT_EXPIRED -> new HeartbeatExpired(e.getEventId(), at, e.getSource(), e.getUserId(),
                    e.getDeviceId(), e.getConnectionId(), millis(e.getLastHeartbeatAt()));
            case SESSION_EXPIRED -> new SessionExpired(e.getEventId(), at, e.getSource(), e.getUserId(),
                    e.getDeviceId(), e.getConnectionId(), millis(e.getLastHeartbeatAt()));
        };
    }

    /** The public event for a domain event: how the detector writes its proposals into the log. */
    public static PresenceEvent toPresenceEvent(SessionEvent event) {
        String deviceId = null;
        String connectionId = null;
        io.presence.avro.Platform platform = null;
        String customStatus = null;
        Long lastHeartbeatAt = null;
        if (event instanceof Login login) {
            deviceId = login.deviceId();
            connectionId = login.connectionId();
            platform = AvroEnums.toAvro(login.platform());
        } else if (event instanceof Heartbeat heartbeat) {
            deviceId = heartbeat.deviceId();
            connectionId = heartbeat.connectionId();
        } else if (event instanceof Disconnect disconnect) {
            deviceId = disconnect.deviceId();
            connectionId = disconnect.connectionId();
        } else if (event instanceof Logout logout) {
            deviceId = logout.deviceId();
        } else if (event instanceof SetCustomStatus set) {
            customStatus = set.customStatus();
        } else if (event instanceof HeartbeatExpired expired) {
            deviceId = expired.deviceId();
            connectionId = expired.connectionId();
            lastHeartbeatAt = expired.lastHeartbeatAt();
        } else if (event instanceof SessionExpired expired) {
            deviceId = expired.deviceId();
            connectionId = expired.connectionId();
            lastHeartbeatAt = expired.lastHeartbeatAt();
        }
        return new PresenceEvent(event.eventId(), Instant.ofEpochMilli(event.timestamp()), event.source(),
                typeOf(event), event.userId(), deviceId, connectionId, platform, customStatus,
                lastHeartbeatAt == null ? null : Instant.ofEpochMilli(lastHeartbeatAt));
    }

    /** The public type name of a domain event; also the {@code type} tag of the fold's counters. */
    public static EventType typeOf(SessionEvent event) {
        if (event instanceof Login) {
            return EventType.LOGIN;
        } else if (event instanceof Heartbeat) {
            return EventType.HEARTBEAT;
        } else if (event instanceof Disconnect) {
            return EventType.DISCONNECT;
        } else if (event instanceof Logout) {
            return EventType.LOGOUT;
        } else if (event instanceof SetCustomStatus) {
            return EventType.SET_CUSTOM_STATUS;
        } else if (event instanceof HeartbeatExpired) {
            return EventType.HEARTBEAT_EXPIRED;
        } else if (event instanceof SessionExpired) {
            return EventType.SESSION_EXPIRED;
        }
        // Unreachable while SessionEvent is sealed: Java 17 has no exhaustive switch to prove it.
        throw new IllegalStateException("unhandled event " + event.getClass().getSimpleName());
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }
}
