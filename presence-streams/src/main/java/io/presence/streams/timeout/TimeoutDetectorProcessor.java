package io.presence.streams.timeout;

import io.presence.avro.PresenceEvent;
import io.presence.schemas.topics.TopicLayout;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.session.FoldOutcome;
import io.presence.streams.session.FoldResult;
import io.presence.streams.session.SessionEvent.HeartbeatExpired;
import io.presence.streams.session.SessionEvent.OfDevice;
import io.presence.streams.session.SessionEvent.SessionExpired;
import io.presence.streams.session.UserPresence;
import io.presence.streams.status.UserStatusStore;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The timeout detector's processor: it files deadlines from the fold's results and runs
 * {@link ExpiryDetector} on the wall clock, which fires even when the partition receives nothing.
 *
 * <p>Heartbeats are most of the traffic and never reach this processor: a heartbeat only moves a
 * deadline later, and the entry already filed catches up with it lazily when it comes due. What
 * can bring a deadline forward — a device (re)connecting, changing platform, disconnecting — is a
 * change, and is filed here; so is every expiry proposal coming back from the fold, applied or not.
 */
public final class TimeoutDetectorProcessor implements Processor<String, FoldResult, String, PresenceEvent> {

    public static final String DEADLINES = "session-deadlines";

    private final SessionTimeouts timeouts;
    private final DetectorSettings settings;
    private final InputBacklog backlog;
    private final PresenceMeters meters;
    private final String expirySink;
    private DeadlineIndex index;

    public TimeoutDetectorProcessor(SessionTimeouts timeouts, DetectorSettings settings, InputBacklog backlog,
                                    PresenceMeters meters, String expirySink) {
        this.timeouts = timeouts;
        this.settings = settings;
        this.backlog = backlog;
        this.meters = meters;
        this.expirySink = expirySink;
    }

    /** The stores this processor owns, besides {@code user-status} which it reads. */
    public static List<StoreBuilder<?>> stores() {
        return DeadlineIndex.stores(DEADLINES);
    }

    /** Whether a fold result may bring a device's deadline forward, so the fold must hand it over. */
    public static boolean mayMoveDeadline(FoldResult result) {
        return result.cause() instanceof OfDevice && (result.outcome() == FoldOutcome.APPLIED_CHANGE
                || result.cause() instanceof HeartbeatExpired || result.cause() instanceof SessionExpired);
    }

    @Override
    public void init(ProcessorContext<String, PresenceEvent> context) {
        KeyValueStore<String, UserPresence> statuses = context.getStateStore(UserStatusStore.NAME);
        index = DeadlineIndex.open(context, DEADLINES);
        var replayGuard = new ReplayGuard(backlog,
                new TopicPartition(TopicLayout.EVENTS, context.taskId().partition()), settings.maxInputLag());
        context.schedule(settings.tick(), PunctuationType.WALL_CLOCK_TIME,
                new ExpiryDetector(context, index, statuses, timeouts, settings, replayGuard, meters, expirySink));
    }

    @Override
    public void process(Record<String, FoldResult> record) {
        FoldResult result = record.value();
        String userId = result.state().userId();
        String deviceId = ((OfDevice) result.cause()).deviceId();
        Long deadline = result.state().device(deviceId).map(timeouts::deadlineOf).orElse(null);
        if (!(result.cause() instanceof HeartbeatExpired || result.cause() instanceof SessionExpired)) {
            // The entry the device's previous state filed is obsolete now. Left in place it would stay
            // until due — a disconnected device's for the 30 days of retention — and a device that
            // flaps would pile up one per disconnect. (An expiry's entry was taken by the detector.)
            result.previous().device(deviceId).map(timeouts::filedDeadlineOf)
                    .filter(filed -> !filed.equals(deadline))
                    .ifPresent(filed -> index.unfile(userId, deviceId, filed));
        }
        if (deadline != null) {
            index.file(userId, deviceId, deadline);
        }
    }
}
