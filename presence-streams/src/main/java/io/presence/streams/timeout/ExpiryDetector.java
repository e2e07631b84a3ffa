package io.presence.streams.timeout;

import io.presence.avro.PresenceEvent;
import io.presence.streams.avro.PresenceEventMapper;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.session.DeviceSession;
import io.presence.streams.session.SessionEvent;
import io.presence.streams.session.UserPresence;
import java.util.List;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One wall-clock tick of the timeout detector (R-SES-4, R-SES-5): take what is due from the index,
 * compare each entry with the device's real state in {@code user-status}, and either re-file it at
 * the device's current deadline (a heartbeat moved it) or propose the expiry by writing it into
 * {@code presence.events}. Proposing is all it does: the fold decides when it reads the proposal
 * back, so a heartbeat that got into the log first wins and replay reproduces the outcome.
 *
 * <p>The entry is removed in the same transaction that writes the proposal. The fold hands every
 * proposal back to the detector once applied or refused, which files the device's next deadline,
 * so no device is ever left without an entry.
 */
final class ExpiryDetector implements Punctuator {

    static final String SOURCE = "presence-streams/timeout-detector";

    private final ProcessorContext<String, PresenceEvent> context;
    private final DeadlineIndex index;
    private final ReadOnlyKeyValueStore<String, UserPresence> statuses;
    private final SessionTimeouts timeouts;
    private final DetectorSettings settings;
    private final ReplayGuard replayGuard;
    private final PresenceMeters meters;
    private final String expirySink;

    ExpiryDetector(ProcessorContext<String, PresenceEvent> context, DeadlineIndex index,
                   ReadOnlyKeyValueStore<String, UserPresence> statuses, SessionTimeouts timeouts,
                   DetectorSettings settings, ReplayGuard replayGuard, PresenceMeters meters, String expirySink) {
        this.context = context;
        this.index = index;
        this.statuses = statuses;
        this.timeouts = timeouts;
        this.settings = settings;
        this.replayGuard = replayGuard;
        this.meters = meters;
        this.expirySink = expirySink;
    }

    /** @param now the wall clock; ticks missed in a pause are not replayed, so all is judged against it */
    @Override
    public void punctuate(long now) {
        if (replayGuard.isReplaying()) {
            meters.detectorHeldBack();
            return;
        }
        List<DeadlineKey> due = index.takeDue(now, settings.maxEntriesPerTick());
        meters.detectorLag(context.taskId().partition(), due.isEmpty() ? 0 : now - due.get(0).deadline());
        for (DeadlineKey entry : due) {
            settle(entry, now);
        }
    }

    private void settle(DeadlineKey entry, long now) {
        UserPresence presence = statuses.get(entry.userId());
        DeviceSession device = presence == null ? null : presence.device(entry.deviceId()).orElse(null);
        if (device == null) {
            return; // logged out or aged out since the entry was filed
        }
        long deadline = timeouts.deadlineOf(device);
        if (deadline > now) {
            index.file(entry.userId(), entry.deviceId(), deadline);
            return;
        }
        SessionEvent proposal = timeouts.proposalFor(entry.userId(), device, SOURCE);
        context.forward(new Record<>(entry.userId(), PresenceEventMapper.toPresenceEvent(proposal), proposal.timestamp()),
                expirySink);
        meters.expiryProposed(PresenceEventMapper.typeOf(proposal));
    }
}
