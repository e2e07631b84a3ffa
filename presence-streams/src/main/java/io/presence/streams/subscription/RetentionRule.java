package io.presence.streams.subscription;

import io.presence.streams.session.DeviceSession;
import io.presence.streams.session.DeviceState;
import io.presence.streams.session.GeneralStatus;
import io.presence.streams.session.UserPresence;
import java.time.Duration;

/**
 * R-SUB-4: a subscriber's list is cleared once the subscriber has been OFFLINE or UNLOGINED for
 * the retention. Counted from when it was last seen online ({@code lastSeenAt}) — but never from
 * before its latest subscribe, so a user who subscribes while offline (over HTTP, with no device
 * connected) keeps the list for a full retention period.
 */
public final class RetentionRule {

    private RetentionRule() {
    }

    /**
     * The earliest moment the list may be cleared, judged from the subscriber's state now. For an
     * ONLINE subscriber this is a lower bound, never due while it stays ONLINE: it cannot have been
     * seen last before the oldest heartbeat of its live connections.
     */
    public static long earliestClear(UserPresence subscriber, SubscriptionList list, Duration retention) {
        long offlineSince = subscriber.status() == GeneralStatus.ONLINE
                ? oldestLiveHeartbeat(subscriber)
                : subscriber.lastSeenAt() == null ? 0 : subscriber.lastSeenAt();
        return Math.max(offlineSince, list.newestSince()) + retention.toMillis();
    }

    private static long oldestLiveHeartbeat(UserPresence subscriber) {
        return subscriber.devices().stream().filter(d -> d.state() == DeviceState.CONNECTED)
                .mapToLong(DeviceSession::lastHeartbeatAt).min().orElse(0);
    }
}
