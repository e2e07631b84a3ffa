package io.presence.streams.status;

import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import io.presence.streams.avro.PresenceEventMapper;
import io.presence.streams.avro.UserStatusMapper;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.session.FoldResult;
import io.presence.streams.session.SessionEvent;
import io.presence.streams.session.StatusFold;
import io.presence.streams.session.StatusTransition;
import io.presence.streams.session.UserPresence;
import io.presence.streams.timeout.TimeoutDetectorProcessor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The status fold on the stream: reads the user's state, applies one event with the pure
 * {@link StatusFold}, stores the result, and publishes only real changes — a heartbeat that merely
 * refreshes a connection rewrites the store (the detector reads its new last heartbeat) but sends
 * nothing downstream (SPEC §2: no version, no status-change, no write). Every change also goes to
 * the notification fan-out, which decides whom it concerns.
 */
public final class StatusFoldProcessor implements Processor<String, PresenceEvent, Object, Object> {

    /** Where the fold's results go, by child node name. */
    public record Outputs(String status, String statusChanges, String timeoutDetector, String fanout) {
    }

    private final PresenceMeters meters;
    private final Outputs outputs;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, UserPresence> statuses;

    public StatusFoldProcessor(PresenceMeters meters, Outputs outputs) {
        this.meters = meters;
        this.outputs = outputs;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.statuses = context.getStateStore(UserStatusStore.NAME);
    }

    @Override
    public void process(Record<String, PresenceEvent> record) {
        SessionEvent event = PresenceEventMapper.toSessionEvent(record.value());
        String userId = event.userId();
        UserPresence before = statuses.get(userId);
        FoldResult result = StatusFold.evolve(before == null ? UserPresence.unknown(userId) : before, event);
        meters.eventFolded(PresenceEventMapper.typeOf(event), result.outcome());
        if (result.stateChanged()) {
            statuses.put(userId, result.state());
        }
        result.transition().ifPresent(transition -> publish(record, transition));
        if (TimeoutDetectorProcessor.mayMoveDeadline(result)) {
            context.forward(record.withValue(result), outputs.timeoutDetector());
        }
    }

    private void publish(Record<String, PresenceEvent> cause, StatusTransition transition) {
        UserStatus current = UserStatusMapper.toUserStatus(transition.current());
        StatusChange change = UserStatusMapper.toStatusChange(transition, current);
        context.forward(cause.withValue(current), outputs.status());
        context.forward(cause.withValue(change), outputs.statusChanges());
        context.forward(cause.withValue(transition), outputs.fanout());
    }
}
