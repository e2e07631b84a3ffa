package io.presence.streams.fanout;

import static java.util.Objects.requireNonNull;

import io.presence.streams.session.GeneralStatus;
import io.presence.streams.session.UserPresence;

/** What a notification tells about a user: its status record without the devices (SPEC §9). */
public record StatusUpdate(String userId, GeneralStatus status, String customStatus, long version,
                           long lastChangedAt, Long lastSeenAt) {

    public StatusUpdate {
        requireNonNull(userId, "userId");
        requireNonNull(status, "status");
        requireNonNull(customStatus, "customStatus");
    }

    public static StatusUpdate of(UserPresence presence) {
        return new StatusUpdate(presence.userId(), presence.status(), presence.customStatus(), presence.version(),
                presence.lastChangedAt(), presence.lastSeenAt());
    }
}
