package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

/**
 * A logged-in device as the record part of a user's state keeps it ({@link PresenceParts}): its
 * {@link DeviceSession} without the last heartbeat, which lives in the device's {@link DeviceLiveness}.
 */
public record DeviceRecord(String deviceId, Platform platform, DeviceState state, String connectionId, long since) {

    public DeviceRecord {
        requireNonNull(deviceId, "deviceId");
        requireNonNull(platform, "platform");
        requireNonNull(state, "state");
        requireNonNull(connectionId, "connectionId");
    }

    static DeviceRecord of(DeviceSession device) {
        return new DeviceRecord(device.deviceId(), device.platform(), device.state(), device.connectionId(), device.since());
    }

    DeviceSession with(DeviceLiveness liveness) {
        return new DeviceSession(deviceId, platform, state, connectionId, since, liveness.lastHeartbeatAt());
    }
}
