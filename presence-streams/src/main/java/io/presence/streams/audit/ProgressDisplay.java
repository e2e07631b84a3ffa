package io.presence.streams.audit;

import java.io.PrintStream;

/** Whether replays draw a progress bar: on stderr unless {@code --no-progress}. */
record ProgressDisplay(boolean shown, PrintStream err) {

    static ProgressDisplay none() {
        return new ProgressDisplay(false, null);
    }

    ReplayProgress start(long totalRecords) {
        return shown ? ReplayProgress.shown(totalRecords, err) : ReplayProgress.hidden();
    }
}
