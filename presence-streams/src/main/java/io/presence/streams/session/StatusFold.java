package io.presence.streams.session;

import io.presence.streams.session.SessionEvent.HeartbeatExpired;
import io.presence.streams.session.SessionEvent.OfDevice;
import io.presence.streams.session.SessionEvent.SetCustomStatus;
import java.util.List;

/**
 * The status fold: a user's state and one event in, the next state and what happened out
 * (SPEC §3, §4). Pure and deterministic — time comes only from the events, nothing is counted or
 * written here — so the live processor and the audit replay that call it agree by construction
 * (R-AUD-2).
 */
public final class StatusFold {

    private StatusFold() {
    }

    public static FoldResult evolve(UserPresence state, SessionEvent event) {
        if (!event.userId().equals(state.userId())) {
            // A mis-keyed record must never touch another user's state.
            return new FoldResult(state, event, state, FoldOutcome.IGNORED);
        }
        EventWatermark.Verdict verdict = state.applied().judge(event);
        if (verdict == EventWatermark.Verdict.DUPLICATE) {
            return new FoldResult(state, event, state, FoldOutcome.DUPLICATE);
        }
        if (verdict == EventWatermark.Verdict.STALE) {
            return new FoldResult(state, event, state, FoldOutcome.STALE);
        }
        if (event instanceof SetCustomStatus set) {
            return setCustomStatus(state, set);
        }
        return onDevice(state, (OfDevice) event);
    }

    /**
     * R-CUS-1. A refused SET_CUSTOM_STATUS is remembered like an applied one, so a redelivered copy
     * is a duplicate even if the user has come ONLINE in between.
     */
    private static FoldResult setCustomStatus(UserPresence state, SetCustomStatus set) {
        UserPresence decided = state.withApplied(state.applied().recording(set));
        if (state.status() != GeneralStatus.ONLINE) {
            return new FoldResult(state, set, decided, FoldOutcome.IGNORED);
        }
        if (state.customStatus().equals(set.customStatus())) {
            return new FoldResult(state, set, decided, FoldOutcome.NO_CHANGE);
        }
        UserPresence changed = new UserPresence(state.userId(), state.status(), set.customStatus(),
                state.version() + 1, set.timestamp(), state.lastSeenAt(), state.devices(), decided.applied());
        return new FoldResult(state, set, changed, FoldOutcome.APPLIED_CHANGE);
    }

    /**
     * R-SES-1..6. Only events that took effect move the device's watermark: an ignored late
     * DISCONNECT or a rejected heartbeat must not fence off genuine events timestamped before it.
     */
    private static FoldResult onDevice(UserPresence state, OfDevice event) {
        DeviceSession before = state.device(event.deviceId()).orElse(null);
        DeviceStep step = SessionRules.apply(before, event);
        return switch (step.outcome()) {
            case NO_CHANGE -> new FoldResult(state, event, refreshed(state, step.after(), event), FoldOutcome.NO_CHANGE);
            case APPLIED_CHANGE -> new FoldResult(state, event, changed(state, before, step.after(), event),
                    FoldOutcome.APPLIED_CHANGE);
            default -> new FoldResult(state, event, state, step.outcome());
        };
    }

    /** A refresh keeps the public record (no version, no transition) but the detector needs the new heartbeat. */
    private static UserPresence refreshed(UserPresence state, DeviceSession after, OfDevice event) {
        return new UserPresence(state.userId(), state.status(), state.customStatus(), state.version(), state.lastChangedAt(),
                state.lastSeenAt(), state.devicesWith(after), state.applied().recording(event));
    }

    /** The next record after a device change: status derived, R-CUS-2, lastSeenAt, version. */
    private static UserPresence changed(UserPresence state, DeviceSession before, DeviceSession after, OfDevice event) {
        List<DeviceSession> devices = after == null ? state.devicesWithout(event.deviceId()) : state.devicesWith(after);
        GeneralStatus status = GeneralStatus.of(devices);
        boolean leftOnline = state.status() == GeneralStatus.ONLINE && status != GeneralStatus.ONLINE;
        String customStatus = status == GeneralStatus.ONLINE ? state.customStatus() : "";
        // Both branches are Long on purpose: a long branch would unbox a null lastSeenAt.
        Long lastSeenAt = leftOnline ? lastKnownConnected(before, event) : state.lastSeenAt();
        AppliedEvents applied = state.applied().recording(event);
        if (after == null) {
            applied = applied.withTombstonesBounded(devices);
        }
        return new UserPresence(state.userId(), status, customStatus, state.version() + 1,
                event.timestamp(), lastSeenAt, devices, applied);
    }

    /**
     * SPEC §1: the moment the device that took the user offline was last known connected. An
     * expired connection was last seen at its last heartbeat, not when the detector noticed.
     */
    private static Long lastKnownConnected(DeviceSession before, OfDevice event) {
        return event instanceof HeartbeatExpired ? before.lastHeartbeatAt() : event.timestamp();
    }
}
