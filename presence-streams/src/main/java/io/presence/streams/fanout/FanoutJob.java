package io.presence.streams.fanout;

import static java.util.Objects.requireNonNull;

/**
 * The fan-out of one change, and how far it got. The user itself is told first; then the
 * recipients of the merged, sorted scans, of which {@code lastRecipient} is the last one told —
 * the cursor the next turn continues after.
 *
 * @param lastRecipient null until a friend or subscriber has been told
 */
public record FanoutJob(StatusUpdate update, boolean selfNotified, String lastRecipient) {

    public FanoutJob {
        requireNonNull(update, "update");
    }

    public static FanoutJob start(StatusUpdate update) {
        return new FanoutJob(update, false, null);
    }

    public String userId() {
        return update.userId();
    }

    public long version() {
        return update.version();
    }

    FanoutJob selfDone() {
        return new FanoutJob(update, true, lastRecipient);
    }

    FanoutJob toldUpTo(String recipient) {
        return new FanoutJob(update, selfNotified, recipient);
    }
}
