package io.presence.streams.session;

import io.presence.streams.session.SessionEvent.Disconnect;
import io.presence.streams.session.SessionEvent.Heartbeat;
import io.presence.streams.session.SessionEvent.HeartbeatExpired;
import io.presence.streams.session.SessionEvent.Login;
import io.presence.streams.session.SessionEvent.Logout;
import io.presence.streams.session.SessionEvent.OfDevice;
import io.presence.streams.session.SessionEvent.SessionExpired;
import java.util.Objects;

/**
 * R-SES-1..6 for one device: how a fresh (not duplicate, not stale) event moves the device's
 * session. {@code current} is null when the device is not logged in.
 */
final class SessionRules {

    private SessionRules() {
    }

    static DeviceStep apply(DeviceSession current, OfDevice event) {
        if (event instanceof Login login) {
            return login(current, login);
        } else if (event instanceof Heartbeat heartbeat) {
            return heartbeat(current, heartbeat);
        } else if (event instanceof Disconnect disconnect) {
            return disconnect(current, disconnect);
        } else if (event instanceof HeartbeatExpired expired) {
            return heartbeatExpired(current, expired);
        } else if (event instanceof Logout) {
            return current == null ? DeviceStep.ignored(null) : DeviceStep.removed();
        } else if (event instanceof SessionExpired expired) {
            return sessionExpired(current, expired);
        }
        // Unreachable while OfDevice is sealed: Java 17 has no exhaustive switch to prove it.
        throw new IllegalStateException("unhandled device event " + event.getClass().getSimpleName());
    }

    /** R-SES-1. A LOGIN repeated on the live connection (a gateway retry) only refreshes it. */
    private static DeviceStep login(DeviceSession current, Login login) {
        if (current != null && current.isConnectedOn(login.connectionId()) && current.platform() == login.platform()) {
            return DeviceStep.refreshed(current.heartbeatAt(login.timestamp()));
        }
        return DeviceStep.changed(DeviceSession.connected(
                login.deviceId(), login.platform(), login.connectionId(), login.timestamp()));
    }

    /**
     * R-SES-2. A heartbeat on another connection while the device is CONNECTED moves the device to
     * it: the gateway that sent it holds a live socket now, and the old connection's late
     * DISCONNECT must then be ignored (R-SES-3) rather than make the user a ghost OFFLINE.
     */
    private static DeviceStep heartbeat(DeviceSession current, Heartbeat heartbeat) {
        if (current == null) {
            return DeviceStep.rejectedHeartbeat();
        }
        if (current.isConnectedOn(heartbeat.connectionId())) {
            return DeviceStep.refreshed(current.heartbeatAt(heartbeat.timestamp()));
        }
        if (current.state() == DeviceState.CONNECTED) {
            return DeviceStep.changed(current.movedTo(heartbeat.connectionId(), heartbeat.timestamp()));
        }
        return DeviceStep.changed(current.reconnected(heartbeat.connectionId(), heartbeat.timestamp()));
    }

    /** R-SES-3: only the current, live connection can go down. */
    private static DeviceStep disconnect(DeviceSession current, Disconnect disconnect) {
        if (current == null || !current.isConnectedOn(disconnect.connectionId())) {
            return DeviceStep.ignored(current);
        }
        return DeviceStep.changed(current.disconnectedAt(disconnect.timestamp()));
    }

    /** R-SES-3/4: the proposal holds only if no heartbeat reached the connection since the detector looked. */
    private static DeviceStep heartbeatExpired(DeviceSession current, HeartbeatExpired expired) {
        if (current == null
                || !current.isConnectedOn(expired.connectionId())
                || !matchesIfGiven(expired.lastHeartbeatAt(), current.lastHeartbeatAt())) {
            return DeviceStep.ignored(current);
        }
        return DeviceStep.changed(current.disconnectedAt(expired.timestamp()));
    }

    /** R-SES-5: only the very disconnection the detector saw ages out. */
    private static DeviceStep sessionExpired(DeviceSession current, SessionExpired expired) {
        if (current == null
                || current.state() != DeviceState.DISCONNECTED
                || !matchesIfGiven(expired.connectionId(), current.connectionId())
                || !matchesIfGiven(expired.lastHeartbeatAt(), current.lastHeartbeatAt())) {
            return DeviceStep.ignored(current);
        }
        return DeviceStep.removed();
    }

    private static boolean matchesIfGiven(Object proposed, Object actual) {
        return proposed == null || Objects.equals(proposed, actual);
    }
}
