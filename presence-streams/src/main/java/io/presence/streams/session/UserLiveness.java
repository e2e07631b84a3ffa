package io.presence.streams.session;

import static java.util.Objects.requireNonNull;

import io.presence.streams.session.SessionEvent.Heartbeat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The liveness part of a user's state ({@link PresenceParts}): exactly what deciding and applying a
 * heartbeat refresh needs, so that the ≈ 90 % of events that are refreshes read and write this
 * small value instead of the user's whole record.
 *
 * <p>Both maps are immutable {@code Map.copyOf}s — one or two entries; the store's serde sorts them.
 *
 * @param devices one entry per logged-in device
 * @param applied the de-duplication watermark of every device the fold remembers, logged-in or
 *                a tombstone ({@link AppliedEvents#devices()})
 */
public record UserLiveness(Map<String, DeviceLiveness> devices, Map<String, EventWatermark> applied) {

    /** A user with no device events applied: every heartbeat needs the full fold. */
    public static final UserLiveness NONE = new UserLiveness(Map.of(), Map.of());

    public UserLiveness {
        devices = Map.copyOf(requireNonNull(devices, "devices"));
        applied = Map.copyOf(requireNonNull(applied, "applied"));
    }

    /**
     * The fold's answer to a heartbeat when this part alone can give it (see {@link LivenessStep}):
     * the same outcome, and this part of the state {@link StatusFold#evolve} would leave, whose
     * record part it leaves unchanged. Empty when the heartbeat needs the full fold.
     */
    public Optional<LivenessResult> heartbeat(Heartbeat heartbeat) {
        String deviceId = heartbeat.deviceId();
        DeviceLiveness device = devices.get(deviceId);
        EventWatermark watermark = applied.getOrDefault(deviceId, EventWatermark.NONE);
        return LivenessStep.ofHeartbeat(heartbeat, watermark, device).map(step -> new LivenessResult(this,
                step.device() == device && step.applied() == watermark ? this : with(deviceId, step), step.outcome()));
    }

    private UserLiveness with(String deviceId, LivenessStep step) {
        return new UserLiveness(replacing(devices, deviceId, step.device()), replacing(applied, deviceId, step.applied()));
    }

    /** Most users have one device: then the copy is a one-entry {@code Map.of}, which the constructor keeps as is. */
    private static <V> Map<String, V> replacing(Map<String, V> map, String key, V value) {
        if (map.size() == 1 && map.containsKey(key)) {
            return Map.of(key, value);
        }
        Map<String, V> next = new HashMap<>(map);
        next.put(key, value);
        return next;
    }
}
