package io.presence.streams.session;

/**
 * The part of a logged-in device's session that a heartbeat refresh moves, or needs to see: the
 * connection it is live on and when that connection was last heard from. Kept apart from the rest
 * of the record (see {@link PresenceParts}) because heartbeats are most of the traffic.
 *
 * @param liveConnectionId the device's current connection while it is CONNECTED; null while it is
 *                         DISCONNECTED, when any heartbeat is a reconnect the record must decide
 * @param lastHeartbeatAt  as {@link DeviceSession#lastHeartbeatAt()}
 */
public record DeviceLiveness(String liveConnectionId, long lastHeartbeatAt) {

    static DeviceLiveness of(DeviceSession device) {
        return new DeviceLiveness(device.state() == DeviceState.CONNECTED ? device.connectionId() : null,
                device.lastHeartbeatAt());
    }

    boolean isLiveOn(String connectionId) {
        return liveConnectionId != null && liveConnectionId.equals(connectionId);
    }

    DeviceLiveness heartbeatAt(long at) {
        return new DeviceLiveness(liveConnectionId, at);
    }
}
