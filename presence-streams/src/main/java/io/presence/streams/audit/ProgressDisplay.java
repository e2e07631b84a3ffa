package io.presence.streams.audit;

import java.io.PrintStream;

/** Whether replays draw a progress bar: on stderr unless {@code --no-progress}. */
record ProgressDisplay(boolean shown, PrintStream err) {

    static ProgressDisplay none() {
        return new ProgressDisplay(false, null);
    }

    ReplayProgress start(long totalRecords) {
        return start("replay", totalRecords);
    }

    /** @param label what the bar counts, e.g. {@code dead letters} for a scan that replays nothing */
    ReplayProgress start(String label, long totalRecords) {
        return shown ? ReplayProgress.shown(label, totalRecords, err) : ReplayProgress.hidden();
    }
}
