package io.presence.streams.status;

import io.presence.avro.EventType;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import io.presence.streams.avro.PresenceEventMapper;
import io.presence.streams.avro.UserStatusMapper;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.session.FoldResult;
import io.presence.streams.session.LivenessResult;
import io.presence.streams.session.PresenceParts;
import io.presence.streams.session.SessionEvent;
import io.presence.streams.session.SessionEvent.Heartbeat;
import io.presence.streams.session.StatusFold;
import io.presence.streams.session.StatusTransition;
import io.presence.streams.session.UserLiveness;
import io.presence.streams.session.UserPresence;
import io.presence.streams.timeout.TimeoutDetectorProcessor;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The status fold on the stream: reads the user's state, applies one event with the pure
 * {@link StatusFold}, stores what changed, and publishes only real changes — a heartbeat that
 * merely refreshes a connection is stored (the detector reads its new last heartbeat) but sends
 * nothing downstream (SPEC §2: no version, no status-change, no write). Every change also goes to
 * the notification fan-out, which decides whom it concerns.
 *
 * <p>Most events are such refreshes, so a heartbeat first tries the shortcut: it reads and writes
 * only the user's liveness ({@link UserLiveness#heartbeat}, the same code the fold runs for it).
 * Anything the liveness cannot settle — another event type, a reconnect, a rejection — reads both
 * parts and folds the whole state.
 */
public final class StatusFoldProcessor implements Processor<String, PresenceEvent, Object, Object> {

    /** Where the fold's results go, by child node name. */
    public record Outputs(String status, String statusChanges, String timeoutDetector, String fanout) {
    }

    private final PresenceMeters meters;
    private final Outputs outputs;
    private ProcessorContext<Object, Object> context;
    private UserPresenceStore presences;

    public StatusFoldProcessor(PresenceMeters meters, Outputs outputs) {
        this.meters = meters;
        this.outputs = outputs;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.presences = UserPresenceStore.open(context);
    }

    @Override
    public void process(Record<String, PresenceEvent> record) {
        SessionEvent event = PresenceEventMapper.toSessionEvent(record.value());
        if (event instanceof Heartbeat heartbeat && settledOnLiveness(heartbeat)) {
            return;
        }
        String userId = event.userId();
        PresenceParts stored = presences.parts(userId);
        UserPresence before = stored == null ? UserPresence.unknown(userId) : stored.merged();
        FoldResult result = StatusFold.evolve(before, event);
        meters.eventFolded(PresenceEventMapper.typeOf(event), result.outcome());
        if (result.stateChanged()) {
            presences.put(userId, stored, result.state());
        }
        result.transition().ifPresent(transition -> publish(record, transition));
        if (TimeoutDetectorProcessor.mayMoveDeadline(result)) {
            context.forward(record.withValue(result), outputs.timeoutDetector());
        }
    }

    /**
     * Whether the user's liveness alone settled the heartbeat — a refresh, a duplicate or a stale
     * one — and it is stored and counted as the fold would have. Nothing is forwarded: the fold
     * publishes no transition for these, and a heartbeat only ever moves a deadline later, which
     * the detector picks up lazily ({@link TimeoutDetectorProcessor#mayMoveDeadline}).
     */
    private boolean settledOnLiveness(Heartbeat heartbeat) {
        UserLiveness liveness = presences.liveness(heartbeat.userId());
        if (liveness == null) {
            return false;
        }
        Optional<LivenessResult> settled = liveness.heartbeat(heartbeat);
        if (settled.isEmpty()) {
            return false;
        }
        LivenessResult result = settled.get();
        meters.eventFolded(EventType.HEARTBEAT, result.outcome());
        if (result.stateChanged()) {
            presences.putLiveness(heartbeat.userId(), result.state());
        }
        return true;
    }

    private void publish(Record<String, PresenceEvent> cause, StatusTransition transition) {
        UserStatus current = UserStatusMapper.toUserStatus(transition.current());
        StatusChange change = UserStatusMapper.toStatusChange(transition, current);
        context.forward(cause.withValue(current), outputs.status());
        context.forward(cause.withValue(change), outputs.statusChanges());
        context.forward(cause.withValue(transition), outputs.fanout());
    }
}
