package io.presence.streams.session;

import io.presence.streams.session.SessionEvent.Heartbeat;
import java.util.Optional;

/**
 * What a HEARTBEAT does to its device when the device's liveness alone can tell: R-SES-7 (a
 * duplicate or stale heartbeat changes nothing) and the first case of R-SES-2 (a heartbeat on the
 * live connection refreshes it). The one place both are decided: {@link StatusFold} asks here
 * before the session rules, and the live processor asks here through {@link UserLiveness} without
 * reading the user's record — so the shortcut and the fold cannot disagree.
 *
 * @param outcome NO_CHANGE (refreshed), DUPLICATE or STALE
 * @param device  the device's liveness afterwards: the very one given unless refreshed
 * @param applied the device's de-duplication watermark afterwards: the very one given unless refreshed
 */
record LivenessStep(FoldOutcome outcome, DeviceLiveness device, EventWatermark applied) {

    /**
     * @param applied the device's watermark ({@link EventWatermark#NONE} if nothing was applied to it)
     * @param device  the device's liveness; null when it is not logged in
     * @return empty when the heartbeat is fresh but not on the device's live connection: a reconnect,
     *         a move to another connection or a rejection, which the session rules decide on the record
     */
    static Optional<LivenessStep> ofHeartbeat(Heartbeat heartbeat, EventWatermark applied, DeviceLiveness device) {
        EventWatermark.Verdict verdict = applied.judge(heartbeat.eventId(), heartbeat.timestamp());
        if (verdict == EventWatermark.Verdict.DUPLICATE) {
            return Optional.of(new LivenessStep(FoldOutcome.DUPLICATE, device, applied));
        }
        if (verdict == EventWatermark.Verdict.STALE) {
            return Optional.of(new LivenessStep(FoldOutcome.STALE, device, applied));
        }
        if (device == null || !device.isLiveOn(heartbeat.connectionId())) {
            return Optional.empty();
        }
        return Optional.of(new LivenessStep(FoldOutcome.NO_CHANGE, device.heartbeatAt(heartbeat.timestamp()),
                applied.advancedBy(heartbeat.eventId(), heartbeat.timestamp())));
    }
}
