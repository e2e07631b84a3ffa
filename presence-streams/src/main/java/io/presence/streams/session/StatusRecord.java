package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The record part of a user's state ({@link PresenceParts}): the {@link UserPresence} without what
 * a heartbeat refresh moves — the devices' last heartbeats and de-duplication watermarks. Only a
 * change, or an event that is not a heartbeat, rewrites it. It holds all a status answer shows
 * (SPEC §9), so the query API reads it alone.
 *
 * @param customStatusApplied R-SES-7 for SET_CUSTOM_STATUS, as {@link AppliedEvents#customStatus()}
 */
public record StatusRecord(String userId, GeneralStatus status, String customStatus, long version,
                           long lastChangedAt, Long lastSeenAt, List<DeviceRecord> devices,
                           EventWatermark customStatusApplied) {

    public StatusRecord {
        requireNonNull(userId, "userId");
        requireNonNull(status, "status");
        requireNonNull(customStatus, "customStatus");
        devices = List.copyOf(devices);
        requireNonNull(customStatusApplied, "customStatusApplied");
    }
}
