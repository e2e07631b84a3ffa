package io.presence.streams.fanout;

import io.presence.avro.NotificationReason;
import io.presence.avro.StatusNotification;
import io.presence.streams.avro.NotificationMapper;
import io.presence.streams.metrics.PresenceMeters;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Works off one fan-out job, up to a budget of notifications: the user itself first (SELF, its
 * other devices), then its friends and subscribers in the merged order of {@link RecipientScan},
 * each once. Returns the job advanced to the last recipient told; the caller saves that cursor in
 * the same transaction as the notifications, so a crash resumes exactly there.
 */
final class NotificationFanout {

    /** What a turn of work did. */
    record Progress(FanoutJob job, int sent, boolean done) {
    }

    private final ProcessorContext<String, StatusNotification> context;
    private final RelationIndex friends;
    private final RelationIndex subscribers;
    private final PresenceMeters meters;

    /** @param friends null when friends are not notified (R-FRD-1 switch off) */
    NotificationFanout(ProcessorContext<String, StatusNotification> context, RelationIndex friends,
                       RelationIndex subscribers, PresenceMeters meters) {
        this.context = context;
        this.friends = friends;
        this.subscribers = subscribers;
        this.meters = meters;
    }

    Progress work(FanoutJob job, int budget) {
        if (budget <= 0) {
            return new Progress(job, 0, false);
        }
        int sent = 0;
        FanoutJob progressed = job;
        if (!progressed.selfNotified()) {
            tell(progressed.update(), new Recipient(progressed.userId(), NotificationReason.SELF));
            sent++;
            progressed = progressed.selfDone();
        }
        try (RecipientScan scan = new RecipientScan(progressed.userId(), progressed.lastRecipient(), friends, subscribers)) {
            String last = progressed.lastRecipient();
            while (sent < budget && scan.hasNext()) {
                Recipient recipient = scan.next();
                tell(progressed.update(), recipient);
                sent++;
                last = recipient.id();
            }
            return new Progress(progressed.toldUpTo(last), sent, !scan.hasNext());
        }
    }

    private void tell(StatusUpdate update, Recipient recipient) {
        // stamped with the change, not the moment of sending: the same on every resume and replay —
        // but never later than now, which the broker may refuse (an event may be dated a little ahead)
        long stamp = Math.min(update.lastChangedAt(), context.currentSystemTimeMs());
        context.forward(new Record<>(recipient.id(), NotificationMapper.toNotification(update, recipient), stamp));
        meters.notificationSent(recipient.reason());
    }
}
