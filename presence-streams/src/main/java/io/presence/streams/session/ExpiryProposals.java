package io.presence.streams.session;

import io.presence.streams.session.SessionEvent.HeartbeatExpired;
import io.presence.streams.session.SessionEvent.SessionExpired;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * What the timeout detector (R-SES-4, R-SES-5) needs from the session model: when a device comes
 * due, and the proposal to write into the log when it does. The detector decides with the wall
 * clock; these functions only read the state, so the decision's inputs are the same ones the fold
 * later checks the proposal against.
 */
public final class ExpiryProposals {

    private ExpiryProposals() {
    }

    /** R-SES-4: when a CONNECTED device's connection times out: its last heartbeat (or login) plus the timeout. */
    public static long heartbeatDeadline(DeviceSession device, Duration timeout) {
        return device.lastHeartbeatAt() + timeout.toMillis();
    }

    /** R-SES-5: when a DISCONNECTED device's session ages out. */
    public static long retentionDeadline(DeviceSession device, Duration retention) {
        return device.since() + retention.toMillis();
    }

    /**
     * A HEARTBEAT_EXPIRED for the device's current connection as seen now. The eventId is derived
     * from the connection and its last heartbeat, so re-proposing the same expiry (after a restart)
     * yields the same id.
     *
     * @param timestamp the deadline that came due, not the moment of detection: a re-proposal after a
     *                  restart is then the same event, and no gateway event written after the deadline
     *                  is judged stale against it
     */
    public static HeartbeatExpired heartbeatExpired(String userId, DeviceSession device, long timestamp, String source) {
        String eventId = derivedId("HEARTBEAT_EXPIRED", userId, device);
        return new HeartbeatExpired(eventId, timestamp, source, userId, device.deviceId(),
                device.connectionId(), device.lastHeartbeatAt());
    }

    /** A SESSION_EXPIRED naming the disconnection as seen now; eventId derived as above. */
    public static SessionExpired sessionExpired(String userId, DeviceSession device, long timestamp, String source) {
        String eventId = derivedId("SESSION_EXPIRED", userId, device);
        return new SessionExpired(eventId, timestamp, source, userId, device.deviceId(),
                device.connectionId(), device.lastHeartbeatAt());
    }

    private static String derivedId(String type, String userId, DeviceSession device) {
        // Length-prefixed parts: connection ids are opaque, so no separator is safe on its own.
        StringBuilder key = new StringBuilder();
        for (String part : new String[] {type, userId, device.deviceId(), device.connectionId(),
                Long.toString(device.lastHeartbeatAt())}) {
            key.append(part.length()).append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
