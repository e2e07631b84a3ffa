package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fold's de-duplication memory (R-SES-7): one {@link EventWatermark} per device, and one for
 * the user's SET_CUSTOM_STATUS events, which name no device. Internal state: it is stored with the
 * user's record but never published.
 *
 * <p>A device removed by LOGOUT or SESSION_EXPIRED keeps its watermark as a tombstone, so a late
 * or redelivered LOGIN older than the removal cannot bring the device back. Tombstones are bounded:
 * only the {@value #TOMBSTONES_KEPT} newest are kept, which covers any realistic device churn
 * within the window in which late events still arrive; an event for an older forgotten device is
 * judged as if the device had never been seen.
 *
 * <p>{@code devices} is an immutable {@code Map.copyOf} — one or two entries, and the fold makes a new
 * memory per event, so not a sorted tree; the store's serde sorts it, so equal states store equal bytes.
 */
public record AppliedEvents(Map<String, EventWatermark> devices, EventWatermark customStatus) {

    public static final int TOMBSTONES_KEPT = 32;

    public static final AppliedEvents NONE = new AppliedEvents(Map.of(), EventWatermark.NONE);

    public AppliedEvents {
        requireNonNull(devices, "devices");
        requireNonNull(customStatus, "customStatus");
        devices = Map.copyOf(devices);
    }

    public EventWatermark.Verdict judge(SessionEvent event) {
        return watermarkOf(event).judge(event.eventId(), event.timestamp());
    }

    /** The memory after {@code event} was applied (or, for custom status, decided). */
    public AppliedEvents recording(SessionEvent event) {
        EventWatermark advanced = watermarkOf(event).advancedBy(event.eventId(), event.timestamp());
        if (event instanceof SessionEvent.OfDevice onDevice) {
            return new AppliedEvents(with(devices, onDevice.deviceId(), advanced), customStatus);
        }
        return new AppliedEvents(devices, advanced);
    }

    /** Drops the oldest tombstones beyond {@link #TOMBSTONES_KEPT}; live devices are always kept. */
    public AppliedEvents withTombstonesBounded(Collection<DeviceSession> liveDevices) {
        Set<String> live = liveDevices.stream().map(DeviceSession::deviceId).collect(Collectors.toSet());
        Comparator<Map.Entry<String, EventWatermark>> newestFirst = Comparator
                .comparingLong((Map.Entry<String, EventWatermark> e) -> e.getValue().timestamp()).reversed()
                .thenComparing(Map.Entry::getKey);
        Set<String> forgotten = devices.entrySet().stream()
                .filter(e -> !live.contains(e.getKey()))
                .sorted(newestFirst)
                .skip(TOMBSTONES_KEPT)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        if (forgotten.isEmpty()) {
            return this;
        }
        Map<String, EventWatermark> next = new HashMap<>(devices);
        next.keySet().removeAll(forgotten);
        return new AppliedEvents(next, customStatus);
    }

    /**
     * {@code devices} with {@code deviceId} mapped to {@code watermark}, built straight into an
     * immutable map: the fold does this on every device event, and a HashMap copy then
     * {@code Map.copyOf} was a third of its time.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, EventWatermark> with(Map<String, EventWatermark> devices, String deviceId, EventWatermark watermark) {
        if (devices.isEmpty()) {
            return Map.of(deviceId, watermark);
        }
        Map.Entry<String, EventWatermark>[] entries = new Map.Entry[devices.size() + (devices.containsKey(deviceId) ? 0 : 1)];
        int i = 0;
        for (Map.Entry<String, EventWatermark> entry : devices.entrySet()) {
            if (!entry.getKey().equals(deviceId)) {
                entries[i++] = entry;
            }
        }
        entries[i] = Map.entry(deviceId, watermark);
        return Map.ofEntries(entries);
    }

    private EventWatermark watermarkOf(SessionEvent event) {
        if (event instanceof SessionEvent.OfDevice onDevice) {
            return devices.getOrDefault(onDevice.deviceId(), EventWatermark.NONE);
        }
        return customStatus;
    }
}
