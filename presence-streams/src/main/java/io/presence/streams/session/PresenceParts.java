package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user's state cut in two, so that a heartbeat refresh — most of the traffic — rewrites only the
 * small part it moves: the {@link UserLiveness} (each logged-in device's live connection and last
 * heartbeat, and every device's de-duplication watermark) and the {@link StatusRecord} (the rest).
 * {@link #split} and {@link #merged} are inverse: the fold always sees the whole {@link UserPresence}.
 */
public record PresenceParts(StatusRecord record, UserLiveness liveness) {

    public PresenceParts {
        requireNonNull(record, "record");
        requireNonNull(liveness, "liveness");
    }

    public static PresenceParts split(UserPresence presence) {
        List<DeviceRecord> devices = new ArrayList<>(presence.devices().size());
        Map<String, DeviceLiveness> liveness = new HashMap<>();
        for (DeviceSession device : presence.devices()) {
            devices.add(DeviceRecord.of(device));
            liveness.put(device.deviceId(), DeviceLiveness.of(device));
        }
        AppliedEvents applied = presence.applied();
        return new PresenceParts(
                new StatusRecord(presence.userId(), presence.status(), presence.customStatus(), presence.version(),
                        presence.lastChangedAt(), presence.lastSeenAt(), devices, applied.customStatus()),
                new UserLiveness(liveness, applied.devices()));
    }

    /**
     * The whole state. The parts are written in one transaction whenever either changes, so they
     * always agree on each device's connection; a disagreement is a bug, and fails here rather
     * than fold on a state that never was.
     */
    public UserPresence merged() {
        List<DeviceSession> devices = new ArrayList<>(record.devices().size());
        for (DeviceRecord device : record.devices()) {
            DeviceLiveness live = liveness.devices().get(device.deviceId());
            if (live == null || !agree(device, live)) {
                throw new IllegalStateException("the liveness of device " + device.deviceId() + " of user "
                        + record.userId() + " (" + live + ") does not match its record (" + device + ")");
            }
            devices.add(device.with(live));
        }
        return new UserPresence(record.userId(), record.status(), record.customStatus(), record.version(),
                record.lastChangedAt(), record.lastSeenAt(), devices,
                new AppliedEvents(liveness.applied(), record.customStatusApplied()));
    }

    private static boolean agree(DeviceRecord device, DeviceLiveness live) {
        String liveConnection = device.state() == DeviceState.CONNECTED ? device.connectionId() : null;
        return Objects.equals(liveConnection, live.liveConnectionId());
    }
}
