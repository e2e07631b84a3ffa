package io.presence.streams.session;

import java.util.Collection;

/** A user's general status (SPEC §1); never a device's. */
public enum GeneralStatus {
    ONLINE, OFFLINE, UNLOGINED;

    /** SPEC §1 / R-SES-6: derived from the device sessions alone, never stored independently. */
    public static GeneralStatus of(Collection<DeviceSession> devices) {
        if (devices.stream().anyMatch(d -> d.state() == DeviceState.CONNECTED)) {
            return ONLINE;
        }
        return devices.isEmpty() ? UNLOGINED : OFFLINE;
    }
}
