package io.presence.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What happens to notifications (Prometheus names in brackets). Every series is registered up front,
 * so it exists at 0 before the first notification and an alert can compare against it.
 */
public final class DeliveryMeters {

    /** Where a notification went when it was consumed. */
    public enum Route {
        /** to the recipient's live sockets */
        LIVE,
        /** to the webhook: the recipient has no live socket */
        PUSH,
        /** behind the recipient's notifications that are still being pushed, to keep their order */
        QUEUED,
        /** dropped: this (recipient, user) already got this version or a newer one (R-NOT-2) */
        STALE,
        /** no live socket and no webhook configured: undeliverable, counted */
        NO_WEBHOOK
    }

    /** How a push that was started ended. */
    public enum PushEnd {
        DELIVERED, SUPERSEDED, HANDED_TO_LIVE, DEAD_LETTERED
    }

    /** The channel that delivered, for the lag histogram. */
    public enum Channel {
        WEBSOCKET, WEBHOOK
    }

    /** Fine between 50 and 250 ms, where a healthy pipeline's median and tail sit at the default commit interval. */
    private static final Duration[] LAG_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(75), Duration.ofMillis(100), Duration.ofMillis(125), Duration.ofMillis(150),
            Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)};

    private final InstantSource clock;
    private final Map<Route, Counter> routed = new EnumMap<>(Route.class);
    private final Map<PushEnd, Counter> pushEnds = new EnumMap<>(PushEnd.class);
    private final Map<Channel, Timer> lag = new EnumMap<>(Channel.class);
    private final Counter fallbacks;

    public DeliveryMeters(MeterRegistry registry, InstantSource clock) {
        this.clock = clock;
        for (Route route : Route.values()) {
            routed.put(route, Counter.builder("presence.notifier.notifications")
                    .description("Notifications consumed, by where they went [presence_notifier_notifications_total{route}]")
                    .tag("route", tag(route)).register(registry));
        }
        for (PushEnd end : PushEnd.values()) {
            pushEnds.put(end, Counter.builder("presence.notifier.push.outcomes")
                    .description("Pushes that ended, by how [presence_notifier_push_outcomes_total{outcome}]")
                    .tag("outcome", tag(end)).register(registry));
        }
        for (Channel channel : Channel.values()) {
            lag.put(channel, Timer.builder("presence.notifier.delivery.lag")
                    .description("End-to-end lag: delivery time minus the change's lastChangedAt")
                    .tag("channel", tag(channel)).serviceLevelObjectives(LAG_BUCKETS).register(registry));
        }
        fallbacks = Counter.builder("presence.notifier.live.fallbacks")
                .description("Notifications that no socket of the recipient could take (they closed), pushed instead")
                .register(registry);
    }

    /** [presence_notifier_retry_queue_depth]: notifications waiting in recipients' push queues (retries included). */
    public void bindRetryQueueDepth(MeterRegistry registry, IntSupplier depth) {
        Gauge.builder("presence.notifier.retry.queue.depth", depth::getAsInt)
                .description("Notifications waiting in recipients' push queues, the one being retried included")
                .register(registry);
    }

    public void routed(Route route) {
        routed.get(route).increment();
    }

    public void pushEnded(PushEnd end) {
        pushEnds.get(end).increment();
    }

    public void fellBackToPush() {
        fallbacks.increment();
    }

    public void delivered(Channel channel, Notification notification) {
        long lagMs = clock.millis() - notification.lastChangedAt().toEpochMilli();
        lag.get(channel).record(Duration.ofMillis(Math.max(0, lagMs)));
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
