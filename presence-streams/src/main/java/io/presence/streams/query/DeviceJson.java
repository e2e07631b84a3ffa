package io.presence.streams.query;

import io.presence.streams.session.DeviceSession;

/** One device in a status answer (SPEC §9): connection ids and heartbeats stay inside. */
public record DeviceJson(String deviceId, String platform, String state, long since) {

    static DeviceJson of(DeviceSession device) {
        return new DeviceJson(device.deviceId(), device.platform().name(), device.state().name(), device.since());
    }
}
