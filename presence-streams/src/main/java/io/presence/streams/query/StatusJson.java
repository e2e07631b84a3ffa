package io.presence.streams.query;

import io.presence.streams.query.routing.QueryableStore;
import io.presence.streams.session.UserPresence;
import io.presence.streams.status.UserStatusStore;
import java.util.List;

/**
 * A user's status as every API answers it (SPEC §9), times in epoch milliseconds.
 *
 * @param lastChangedAt null for a user never seen (version 0): there was no change
 * @param lastSeenAt    null until the user first leaves ONLINE
 */
public record StatusJson(String userId, String status, String customStatus, long version, Long lastChangedAt,
                         Long lastSeenAt, List<DeviceJson> devices) {

    /** The {@code user-status} store as the query API reads it: answers are built where the store lives. */
    public static final QueryableStore<UserPresence, StatusJson> USER_STATUS =
            new QueryableStore<>(UserStatusStore.NAME, StatusJson.class, StatusJson::of);

    public StatusJson {
        devices = List.copyOf(devices);
    }

    public static StatusJson of(UserPresence presence) {
        return new StatusJson(presence.userId(), presence.status().name(), presence.customStatus(), presence.version(),
                presence.version() == 0 ? null : presence.lastChangedAt(), presence.lastSeenAt(),
                presence.devices().stream().map(DeviceJson::of).toList());
    }

    /** R-QRY-1: a user the store has never seen is UNLOGINED with no custom status. */
    public static StatusJson unknown(String userId) {
        return of(UserPresence.unknown(userId));
    }
}
