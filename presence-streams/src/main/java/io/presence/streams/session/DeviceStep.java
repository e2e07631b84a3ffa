package io.presence.streams.session;

/**
 * What one event does to one device session (R-SES-1..6), before the user's record is derived.
 *
 * @param outcome APPLIED_CHANGE, NO_CHANGE, IGNORED or REJECTED_HEARTBEAT
 * @param after   the device's session afterwards; null when it is removed or was never there
 */
record DeviceStep(FoldOutcome outcome, DeviceSession after) {

    static DeviceStep changed(DeviceSession after) {
        return new DeviceStep(FoldOutcome.APPLIED_CHANGE, after);
    }

    static DeviceStep removed() {
        return new DeviceStep(FoldOutcome.APPLIED_CHANGE, null);
    }

    static DeviceStep refreshed(DeviceSession after) {
        return new DeviceStep(FoldOutcome.NO_CHANGE, after);
    }

    static DeviceStep ignored(DeviceSession unchanged) {
        return new DeviceStep(FoldOutcome.IGNORED, unchanged);
    }

    static DeviceStep rejectedHeartbeat() {
        return new DeviceStep(FoldOutcome.REJECTED_HEARTBEAT, null);
    }
}
