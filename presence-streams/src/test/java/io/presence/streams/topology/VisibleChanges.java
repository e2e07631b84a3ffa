package io.presence.streams.topology;

import io.presence.avro.NotificationReason;
import io.presence.avro.StatusNotification;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes users change their general or custom status — a change every recipient is told of — and
 * reads who was told, for the fan-out tests. Event times move forward one second per change.
 */
final class VisibleChanges {

    private final PresenceDriver presence;
    private final PresenceEvents gateway = new PresenceEvents("v");
    private final Set<String> online = new HashSet<>();
    private long at;
    private int texts;

    VisibleChanges(PresenceDriver presence, long start) {
        this.presence = presence;
        this.at = start;
    }

    /** Logs the user in if it is not online, else sets a new custom status. */
    void change(String user) {
        at += 1_000;
        if (online.add(user)) {
            presence.pipe(gateway.login(user, "phone", "c1", at));
        } else {
            presence.pipe(gateway.setCustomStatus(user, "status " + ++texts, at));
        }
    }

    /** The ids told of the next change of {@code user} for {@code reason} (notifications before it are dropped). */
    Set<String> recipientsOfNextChange(String user, NotificationReason reason) {
        presence.notified();
        change(user);
        return recipients(presence.notified(), reason);
    }

    static Set<String> recipients(List<StatusNotification> notifications, NotificationReason reason) {
        return notifications.stream().filter(n -> n.getReason() == reason)
                .map(StatusNotification::getRecipientId).collect(Collectors.toSet());
    }

    long now() {
        return at;
    }
}
