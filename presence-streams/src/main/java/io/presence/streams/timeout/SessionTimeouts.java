package io.presence.streams.timeout;

import io.presence.streams.session.DeviceSession;
import io.presence.streams.session.DeviceState;
import io.presence.streams.session.ExpiryProposals;
import io.presence.streams.session.Platform;
import io.presence.streams.session.SessionEvent;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * When a device comes due (R-SES-4: heartbeat timeout, per platform overridable; R-SES-5: session
 * retention after a disconnection) and what the detector proposes when it does.
 *
 * @param heartbeatTimeout for every platform not named in {@code byPlatform}
 * @param byPlatform       per-platform overrides
 */
public record SessionTimeouts(Duration heartbeatTimeout, Map<Platform, Duration> byPlatform, Duration retention) {

    public SessionTimeouts {
        positive(heartbeatTimeout, "heartbeat timeout");
        positive(retention, "session retention");
        byPlatform = Collections.unmodifiableMap(byPlatform.isEmpty() ? new EnumMap<>(Platform.class) : new EnumMap<>(byPlatform));
        for (Platform platform : Platform.values()) {
            Duration timeout = byPlatform.getOrDefault(platform, heartbeatTimeout);
            positive(timeout, "heartbeat timeout of " + platform);
            // the detector relies on it: a disconnection's retention deadline is later than the heartbeat deadline it follows
            if (timeout.compareTo(retention) >= 0) {
                throw new IllegalArgumentException("heartbeat timeout of " + platform + " (" + timeout
                        + ") must be shorter than the session retention (" + retention + ")");
            }
        }
    }

    /** The SPEC defaults: 400 s for every platform, 30 days of retention. */
    public static SessionTimeouts defaults() {
        return new SessionTimeouts(Duration.ofSeconds(400), Map.of(), Duration.ofDays(30));
    }

    public Duration heartbeatTimeout(Platform platform) {
        return byPlatform.getOrDefault(platform, heartbeatTimeout);
    }

    /** When the device comes due in its current state, in epoch milliseconds. */
    public long deadlineOf(DeviceSession device) {
        return device.state() == DeviceState.CONNECTED
                ? ExpiryProposals.heartbeatDeadline(device, heartbeatTimeout(device.platform()))
                : ExpiryProposals.retentionDeadline(device, retention);
    }

    /**
     * The deadline filed when the device entered its current state: for a disconnected device its
     * retention deadline, which nothing moves; for a connected one its heartbeat deadline as of the
     * moment it connected, since heartbeats do not re-file (an entry the detector has re-filed since,
     * or one filed by a change that kept it connected, is not this one).
     */
    public long filedDeadlineOf(DeviceSession device) {
        return device.state() == DeviceState.CONNECTED
                ? device.since() + heartbeatTimeout(device.platform()).toMillis()
                : deadlineOf(device);
    }

    /**
     * The expiry to propose for a device that is due. It is stamped with the deadline, not the
     * moment the detector noticed: that is when the device timed out, it makes the proposal the
     * same on every instance and after every restart, and it keeps the proposal older than any
     * gateway event written after the deadline, which the fold must not judge stale.
     */
    public SessionEvent proposalFor(String userId, DeviceSession device, String source) {
        long deadline = deadlineOf(device);
        return device.state() == DeviceState.CONNECTED
                ? ExpiryProposals.heartbeatExpired(userId, device, deadline, source)
                : ExpiryProposals.sessionExpired(userId, device, deadline, source);
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
    }
}
