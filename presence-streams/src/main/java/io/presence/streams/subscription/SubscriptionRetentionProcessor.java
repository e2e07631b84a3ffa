package io.presence.streams.subscription;

import io.presence.avro.SubscriptionCommand;
import io.presence.avro.SubscriptionCommandType;
import io.presence.schemas.topics.TopicLayout;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.status.UserStatusStore;
import io.presence.streams.timeout.DeadlineIndex;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.InputBacklog;
import io.presence.streams.timeout.ReplayGuard;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The subscription retention (R-SUB-4): a per-subscriber timer in a time index
 * ({@code subscription-retention-deadlines}, the same {@link DeadlineIndex} the timeout detector uses),
 * swept on the wall clock by {@link RetentionSweep}.
 *
 * <p>Timers are filed lazily, like the detector's: each SUBSCRIBE files one at its time plus the
 * retention — no list can be cleared earlier — and a due timer is checked against the subscriber's
 * real state and re-filed at the earliest moment the list could then be cleared
 * ({@link RetentionRule#earliestClear}). Every timer is a lower bound of the real clearing moment
 * (or at most a minute past it, for an online subscriber whose heartbeats are a retention old), so
 * none fires late, and status changes never touch the index: a subscriber that stays online costs
 * one check per retention period.
 */
public final class SubscriptionRetentionProcessor implements Processor<String, SubscriptionCommand, String, SubscriptionCommand> {

    static final String TIMERS = "subscription-retention-deadlines";

    private final Duration retention;
    private final DetectorSettings sweep;
    private final InputBacklog backlog;
    private final PresenceMeters meters;
    private final String proposalSink;
    private DeadlineIndex index;

    /** @param sweep how the timers are swept: the timeout detector's tick, cap and replay guard */
    public SubscriptionRetentionProcessor(Duration retention, DetectorSettings sweep, InputBacklog backlog,
                                          PresenceMeters meters, String proposalSink) {
        this.retention = retention;
        this.sweep = sweep;
        this.backlog = backlog;
        this.meters = meters;
        this.proposalSink = proposalSink;
    }

    /** The stores this processor owns, besides the ledger and {@code user-status} which it reads. */
    public static List<StoreBuilder<?>> stores() {
        return DeadlineIndex.stores(TIMERS);
    }

    @Override
    public void init(ProcessorContext<String, SubscriptionCommand> context) {
        index = DeadlineIndex.open(context, TIMERS);
        var replayGuard = new ReplayGuard(backlog, new TopicPartition(TopicLayout.EVENTS, context.taskId().partition()),
                sweep.maxInputLag());
        context.schedule(sweep.tick(), PunctuationType.WALL_CLOCK_TIME, new RetentionSweep(context, index,
                context.getStateStore(SubscriptionLedgerStore.NAME), context.getStateStore(UserStatusStore.NAME),
                retention, sweep, replayGuard, meters, proposalSink));
    }

    @Override
    public void process(Record<String, SubscriptionCommand> record) {
        SubscriptionCommand command = record.value();
        if (command.getType() == SubscriptionCommandType.SUBSCRIBE) {
            index.file(command.getSubscriberId(), command.getTimestamp().toEpochMilli() + retention.toMillis());
        }
    }
}
