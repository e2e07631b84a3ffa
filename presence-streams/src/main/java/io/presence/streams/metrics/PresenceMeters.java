package io.presence.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.presence.avro.EventType;
import io.presence.avro.NotificationReason;
import io.presence.streams.dlq.DeadLetterCounter;
import io.presence.streams.session.FoldOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's own meters (Prometheus names in brackets). Counters the fold touches per event
 * are created up front, so the hot path is an array lookup and an increment, never a registry
 * lookup. Thread-safe: every stream thread shares one instance.
 */
public final class PresenceMeters {

    private final MeterRegistry registry;
    private final Map<EventType, Map<FoldOutcome, Counter>> folded = new EnumMap<>(EventType.class);
    private final Counter heartbeatsRejected;
    private final Map<EventType, Counter> expiries = new EnumMap<>(EventType.class);
    private final Counter detectorHeldBack;
    private final Map<NotificationReason, Counter> notifications = new EnumMap<>(NotificationReason.class);
    private final Counter fanoutsQueued;
    private final Counter subscriptionsExpired;
    private final DeadLetterCounter deadLetters;
    private final Map<Integer, AtomicLong> detectorLagMs = new ConcurrentHashMap<>();

    public PresenceMeters(MeterRegistry registry) {
        this.registry = registry;
        for (EventType type : EventType.values()) {
            Map<FoldOutcome, Counter> byOutcome = new EnumMap<>(FoldOutcome.class);
            for (FoldOutcome outcome : FoldOutcome.values()) {
                byOutcome.put(outcome, Counter.builder("presence.events.folded")
                        .description("Events folded into user-status, by type and what they did")
                        .tag("type", type.name()).tag("outcome", outcome.name()).register(registry));
            }
            folded.put(type, byOutcome);
        }
        heartbeatsRejected = Counter.builder("presence.heartbeats.rejected")
                .description("Heartbeats for a device that is not logged in (R-SES-2)").register(registry);
        for (EventType type : new EventType[] {EventType.HEARTBEAT_EXPIRED, EventType.SESSION_EXPIRED}) {
            expiries.put(type, Counter.builder("presence.expiries")
                    .description("Expiry proposals the timeout detector wrote into presence.events")
                    .tag("type", type.name()).register(registry));
        }
        deadLetters = new DeadLetterCounter(registry);
        detectorHeldBack = Counter.builder("presence.detector.held.back")
                .description("Detector ticks skipped because the task was replaying a backlog").register(registry);
        for (NotificationReason reason : NotificationReason.values()) {
            notifications.put(reason, Counter.builder("presence.notifications")
                    .description("Notifications written to presence.notifications, by why the recipient is told")
                    .tag("reason", reason.name()).register(registry));
        }
        fanoutsQueued = Counter.builder("presence.fanout.jobs")
                .description("Fan-outs that did not finish at once and were queued as jobs worked off in chunks")
                .register(registry);
        subscriptionsExpired = Counter.builder("presence.subscription.retention.clears")
                .description("Subscription lists proposed for clearing after the subscriber's offline retention (R-SUB-4)")
                .register(registry);
    }

    /** [presence_events_folded_total{type,outcome}], plus [presence_heartbeats_rejected_total]. */
    public void eventFolded(EventType type, FoldOutcome outcome) {
        folded.get(type).get(outcome).increment();
        if (outcome == FoldOutcome.REJECTED_HEARTBEAT) {
            heartbeatsRejected.increment();
        }
    }

    /** [presence_expiries_total{type}] */
    public void expiryProposed(EventType type) {
        expiries.get(type).increment();
    }

    /** [presence_detector_held_back_total] */
    public void detectorHeldBack() {
        detectorHeldBack.increment();
    }

    /**
     * [presence_detector_lag_seconds{partition}]: now minus the oldest deadline that was due at the
     * last tick, 0 when nothing was due.
     */
    public void detectorLag(int partition, long lagMs) {
        detectorLagMs.computeIfAbsent(partition, p -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder("presence.detector.lag", holder, h -> h.get() / 1000.0)
                    .description("Wall clock minus the oldest due deadline at the detector's last tick")
                    .baseUnit("seconds").tag("partition", Integer.toString(p)).register(registry);
            return holder;
        }).set(lagMs);
    }

    /** [presence_notifications_total{reason}] */
    public void notificationSent(NotificationReason reason) {
        notifications.get(reason).increment();
    }

    /** [presence_fanout_jobs_total] */
    public void fanoutQueued() {
        fanoutsQueued.increment();
    }

    /** [presence_subscription_retention_clears_total] */
    public void subscriptionsExpired() {
        subscriptionsExpired.increment();
    }

    /** [presence_dlq_records_total{stage,reason}] */
    public DeadLetterCounter deadLetters() {
        return deadLetters;
    }
}
