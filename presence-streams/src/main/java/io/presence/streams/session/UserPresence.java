package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user's state as the fold keeps it: the public status record of SPEC §1 (everything but
 * {@code applied}, which maps one to one onto the Avro {@code UserStatus}) plus the fold's
 * de-duplication memory.
 *
 * @param customStatus  empty means none
 * @param version       0 for a user never seen; +1 on every change
 * @param lastChangedAt timestamp of the event that made the last change; 0 for a user never seen
 * @param lastSeenAt    null until the user first leaves ONLINE
 * @param devices       in login order; a device keeps its place while it stays logged in
 * @param applied       internal, never published: see {@link AppliedEvents}
 */
public record UserPresence(String userId, GeneralStatus status, String customStatus, long version,
                           long lastChangedAt, Long lastSeenAt, List<DeviceSession> devices,
                           AppliedEvents applied) {

    public UserPresence {
        requireNonNull(userId, "userId");
        requireNonNull(status, "status");
        requireNonNull(customStatus, "customStatus");
        devices = List.copyOf(devices);
        requireNonNull(applied, "applied");
    }

    /** A user never seen: the state every fold starts from. */
    public static UserPresence unknown(String userId) {
        return new UserPresence(userId, GeneralStatus.UNLOGINED, "", 0, 0, null, List.of(), AppliedEvents.NONE);
    }

    public Optional<DeviceSession> device(String deviceId) {
        int at = indexOf(deviceId);
        return at < 0 ? Optional.empty() : Optional.of(devices.get(at));
    }

    /** The device list with {@code session} in place of the device's old one, or appended if new. */
    List<DeviceSession> devicesWith(DeviceSession session) {
        // an array straight into List.of: the fold calls this on every device event
        int at = indexOf(session.deviceId());
        DeviceSession[] next = devices.toArray(new DeviceSession[at < 0 ? devices.size() + 1 : devices.size()]);
        next[at < 0 ? devices.size() : at] = session;
        return List.of(next);
    }

    // a loop, not a stream: the fold asks this on every event
    private int indexOf(String deviceId) {
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).deviceId().equals(deviceId)) {
                return i;
            }
        }
        return -1;
    }

    List<DeviceSession> devicesWithout(String deviceId) {
        List<DeviceSession> next = new ArrayList<>(devices);
        next.removeIf(d -> d.deviceId().equals(deviceId));
        return next;
    }

    UserPresence withApplied(AppliedEvents nextApplied) {
        return new UserPresence(userId, status, customStatus, version, lastChangedAt, lastSeenAt, devices, nextApplied);
    }
}
