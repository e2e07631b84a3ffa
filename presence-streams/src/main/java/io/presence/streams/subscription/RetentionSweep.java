package io.presence.streams.subscription;

import io.presence.avro.SubscriptionCommand;
import io.presence.avro.SubscriptionCommandType;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.session.GeneralStatus;
import io.presence.streams.session.UserPresence;
import io.presence.streams.timeout.DeadlineIndex;
import io.presence.streams.timeout.DeadlineKey;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.ReplayGuard;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One wall-clock tick of the subscription retention (R-SUB-4): take the subscribers whose timer is
 * due, and for each either re-file the timer at the earliest moment its list may be cleared, or —
 * offline for the whole retention — propose the clearing by writing into
 * {@code presence.subscriptions} an UNSUBSCRIBE of exactly the targets it saw.
 *
 * <p>Proposing, as the timeout detector does, keeps the log the source of truth: the ledger
 * applies the proposal like any command, and a replay of the topic reproduces it. Naming the
 * targets rather than writing CLEAR means a subscription that raced into the log before the
 * proposal (a new target) survives it.
 */
final class RetentionSweep implements Punctuator {

    static final String SOURCE = "presence-streams/subscription-retention";
    private static final Duration ONLINE_RECHECK = Duration.ofMinutes(1);

    private final ProcessorContext<String, SubscriptionCommand> context;
    private final DeadlineIndex index;
    private final ReadOnlyKeyValueStore<String, SubscriptionList> ledger;
    private final ReadOnlyKeyValueStore<String, UserPresence> statuses;
    private final Duration retention;
    private final DetectorSettings sweep;
    private final ReplayGuard replayGuard;
    private final PresenceMeters meters;
    private final String proposalSink;

    RetentionSweep(ProcessorContext<String, SubscriptionCommand> context, DeadlineIndex index,
                   ReadOnlyKeyValueStore<String, SubscriptionList> ledger, ReadOnlyKeyValueStore<String, UserPresence> statuses,
                   Duration retention, DetectorSettings sweep, ReplayGuard replayGuard, PresenceMeters meters,
                   String proposalSink) {
        this.context = context;
        this.index = index;
        this.ledger = ledger;
        this.statuses = statuses;
        this.retention = retention;
        this.sweep = sweep;
        this.replayGuard = replayGuard;
        this.meters = meters;
        this.proposalSink = proposalSink;
    }

    /** @param now the wall clock; everything is judged against it (missed ticks are not replayed) */
    @Override
    public void punctuate(long now) {
        // a replaying task's statuses are behind the log: a subscriber online now could look offline
        if (replayGuard.isReplaying()) {
            return;
        }
        for (DeadlineKey entry : index.takeDue(now, sweep.maxEntriesPerTick())) {
            settle(entry.userId(), now);
        }
    }

    private void settle(String subscriber, long now) {
        SubscriptionList list = ledger.get(subscriber);
        if (list == null) {
            return; // emptied since the timer was filed; the next SUBSCRIBE files a new one
        }
        UserPresence stored = statuses.get(subscriber);
        UserPresence presence = stored == null ? UserPresence.unknown(subscriber) : stored;
        long clearAt = RetentionRule.earliestClear(presence, list, retention);
        if (presence.status() == GeneralStatus.ONLINE) {
            // one whose heartbeats are a retention old (a heartbeat timeout longer than the
            // retention, a skewed gateway clock) would otherwise be re-checked on every tick
            index.file(subscriber, Math.max(clearAt, now + ONLINE_RECHECK.toMillis()));
            return;
        }
        if (clearAt > now) {
            index.file(subscriber, clearAt);
            return;
        }
        context.forward(new Record<>(subscriber, proposal(subscriber, list, clearAt), clearAt), proposalSink);
        meters.subscriptionsExpired();
    }

    /** Stamped with the moment the list became clearable and identified by it, so a re-proposal is identical. */
    private static SubscriptionCommand proposal(String subscriber, SubscriptionList list, long clearAt) {
        String key = "subscription-retention:" + subscriber.length() + ":" + subscriber + ":" + clearAt;
        return SubscriptionCommand.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString())
                .setTimestamp(Instant.ofEpochMilli(clearAt))
                .setSource(SOURCE)
                .setType(SubscriptionCommandType.UNSUBSCRIBE)
                .setSubscriberId(subscriber)
                .setTargetIds(list.targetIds())
                .build();
    }
}
