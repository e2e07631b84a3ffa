package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

/**
 * One logged-in device of a user.
 *
 * @param connectionId    the current connection; a DISCONNECTED device keeps the one that died,
 *                        so the detector's SESSION_EXPIRED can name the disconnection it saw
 * @param since           when the device entered its state; a LOGIN starts a new session and
 *                        resets it, a heartbeat that only moves the device to a new connection
 *                        does not
 * @param lastHeartbeatAt the last LOGIN or HEARTBEAT applied to the current connection; kept
 *                        when the device disconnects, because it is the expired connection's
 *                        "last seen" moment
 */
public record DeviceSession(String deviceId, Platform platform, DeviceState state,
                            String connectionId, long since, long lastHeartbeatAt) {

    public DeviceSession {
        requireNonNull(deviceId, "deviceId");
        requireNonNull(platform, "platform");
        requireNonNull(state, "state");
        requireNonNull(connectionId, "connectionId");
    }

    static DeviceSession connected(String deviceId, Platform platform, String connectionId, long at) {
        return new DeviceSession(deviceId, platform, DeviceState.CONNECTED, connectionId, at, at);
    }

    boolean isConnectedOn(String otherConnectionId) {
        return state == DeviceState.CONNECTED && connectionId.equals(otherConnectionId);
    }

    DeviceSession heartbeatAt(long at) {
        return new DeviceSession(deviceId, platform, state, connectionId, since, at);
    }

    DeviceSession movedTo(String newConnectionId, long at) {
        return new DeviceSession(deviceId, platform, state, newConnectionId, since, at);
    }

    DeviceSession reconnected(String newConnectionId, long at) {
        return connected(deviceId, platform, newConnectionId, at);
    }

    DeviceSession disconnectedAt(long at) {
        return new DeviceSession(deviceId, platform, DeviceState.DISCONNECTED, connectionId, at, lastHeartbeatAt);
    }
}
