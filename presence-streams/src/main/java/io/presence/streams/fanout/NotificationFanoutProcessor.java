package io.presence.streams.fanout;

import io.presence.avro.StatusNotification;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.session.StatusTransition;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The notification fan-out (R-NOT-1..3), on the task that owns the changed user — and so owns its
 * subscribers and friends in the indexes, and is the only writer of its notifications.
 *
 * <p>A change of general or custom status is fanned out at once, up to an allowance of
 * notifications per tick; what is left becomes a job in {@code fanout-jobs}, which a wall-clock
 * turn continues a bounded chunk at a time, saving its cursor in the same transaction, which the
 * turn then asks to commit. While a user has a job pending, every later change of that user queues
 * behind it, however small: one user's notifications leave in version order, along one path (R-NOT-2).
 *
 * <p>A change of the device list alone (a second device logging in, one of two disconnecting) is
 * published on {@code presence.status-changes} but notifies nobody: a notification carries no
 * devices, so the recipient would learn nothing (R-NOT-1 names general and custom status).
 */
public final class NotificationFanoutProcessor implements Processor<String, StatusTransition, String, StatusNotification> {

    private final FanoutSettings settings;
    private final PresenceMeters meters;
    private FanoutJobs jobs;
    private NotificationFanout fanout;
    private int allowance;

    public NotificationFanoutProcessor(FanoutSettings settings, PresenceMeters meters) {
        this.settings = settings;
        this.meters = meters;
    }

    /** The store this processor owns, besides the indexes it reads. */
    public static List<StoreBuilder<?>> stores() {
        return List.of(FanoutJobs.store());
    }

    @Override
    public void init(ProcessorContext<String, StatusNotification> context) {
        jobs = new FanoutJobs(context.getStateStore(FanoutJobs.STORE));
        RelationIndex friends = settings.friendsNotified() ? new RelationIndex(context.getStateStore(RelationIndex.FRIENDS)) : null;
        fanout = new NotificationFanout(context, friends, new RelationIndex(context.getStateStore(RelationIndex.SUBSCRIBERS)), meters);
        FanoutTurn turn = new FanoutTurn(jobs, fanout, settings.maxRecipientsPerTurn());
        allowance = settings.maxRecipientsPerTurn();
        context.schedule(settings.tick(), PunctuationType.WALL_CLOCK_TIME, now -> {
            allowance = settings.maxRecipientsPerTurn();
            if (turn.run() > 0) {
                // commit now rather than at the next commit interval, which several turns could
                // fill: a transaction carries one turn, plus at most one tick's inline allowance
                context.commit();
            }
        });
    }

    @Override
    public void process(Record<String, StatusTransition> record) {
        StatusTransition transition = record.value();
        if (!transition.changesVisibleStatus()) {
            return;
        }
        FanoutJob job = FanoutJob.start(StatusUpdate.of(transition.current()));
        if (jobs.hasPending(job.userId())) {
            jobs.save(job);
            meters.fanoutQueued();
            return;
        }
        NotificationFanout.Progress progress = fanout.work(job, allowance);
        allowance -= progress.sent();
        if (!progress.done()) {
            jobs.save(progress.job());
            meters.fanoutQueued();
        }
    }
}
