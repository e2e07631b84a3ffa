package io.presence.notifier.delivery;

import io.presence.notifier.delivery.DeliveryMeters.Channel;
import io.presence.notifier.delivery.DeliveryMeters.PushEnd;
import io.presence.notifier.delivery.DeliveryMeters.Route;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, per notification, where it goes, keeping each recipient's notifications in order across
 * channels: to the live sockets if the recipient has some, else into the recipient's push lane. While
 * a recipient's lane is not empty every new notification for it queues behind, whatever the channel,
 * because an older version may still be retried there (R-NOT-2). The lane's head is re-routed to
 * sockets that open meanwhile, and dropped if a newer version of the same user was delivered.
 *
 * <p>A recipient's lane only exists while something waits in it; the map of lanes is the only shared
 * state, and each recipient's entry is only changed under the map's per-key lock.
 */
public final class RecipientLanes {

    private static final Logger log = LoggerFactory.getLogger(RecipientLanes.class);
    /** What {@code __streams.errors.exception} names for a push given up on, where nothing was thrown. */
    static final String PUSH_EXHAUSTED_EXCEPTION = "io.presence.notifier.webhook.PushRetriesExhausted";

    private final ConcurrentHashMap<String, RecipientLane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final LiveClients live;
    private final PushChannel push;
    private final DeadLetters deadLetters;
    private final VersionLedger versions;
    private final OwnedPartitions owned;
    private final Executor serial;
    private final DeliveryMeters meters;

    /**
     * @param serial runs push completions and fallbacks one at a time, off the threads that report them
     *               (so a long lane that completes synchronously does not recurse, and no callback runs
     *               inside another recipient's map lock)
     */
    public RecipientLanes(LiveClients live, PushChannel push, DeadLetters deadLetters, VersionLedger versions,
                          OwnedPartitions owned, Executor serial, DeliveryMeters meters) {
        this.live = live;
        this.push = push;
        this.deadLetters = deadLetters;
        this.versions = versions;
        this.owned = owned;
        this.serial = serial;
        this.meters = meters;
    }

    /** Routes a notification just consumed; the ticket is finished when its journey ends. */
    public void route(Notification notification, DeliveryTicket ticket) {
        if (versions.isStale(notification)) {
            meters.routed(Route.STALE);
            ticket.finish();
            return;
        }
        RecipientLane[] opened = {null};
        lanes.compute(notification.recipientId(), (recipient, lane) -> {
            if (lane != null) {
                append(lane, notification, ticket, false);
                meters.routed(Route.QUEUED);
                return lane;
            }
            if (sendLive(notification, ticket)) {
                meters.routed(Route.LIVE);
                return null;
            }
            opened[0] = openLane(notification, ticket, false);
            meters.routed(opened[0] == null ? Route.NO_WEBHOOK : Route.PUSH);
            return opened[0];
        });
        if (opened[0] != null) {
            pushHead(opened[0]);
        }
    }

    /** Notifications waiting in push lanes, the ones being retried included. */
    public int waiting() {
        return waiting.get();
    }

    /** Stops pushing for recipients of partitions that left this instance; their tickets stay unfinished. */
    public void abandon(Collection<Integer> partitions) {
        for (RecipientLane lane : lanes.values()) {
            if (partitions.contains(lane.partition()) && lanes.remove(lane.recipientId(), lane)) {
                lane.abandon();
                waiting.addAndGet(-lane.size());
            }
        }
    }

    /** On shutdown: stops every lane. */
    public void abandonAll() {
        abandon(lanes.values().stream().map(RecipientLane::partition).distinct().toList());
    }

    private boolean sendLive(Notification notification, DeliveryTicket ticket) {
        return live.tryDeliver(notification,
                () -> {
                    versions.delivered(notification);
                    meters.delivered(Channel.WEBSOCKET, notification);
                    ticket.finish();
                },
                () -> serial.execute(() -> fallBackToPush(notification, ticket)));
    }

    // Every socket of the recipient closed before writing it: the recipient has no live client now.
    private void fallBackToPush(Notification notification, DeliveryTicket ticket) {
        if (!owned.owns(notification.source().partition())) {
            // the partition moved while the frame was in flight: left unfinished, so it is not committed
            // and the new owner delivers it
            return;
        }
        meters.fellBackToPush();
        RecipientLane[] opened = {null};
        lanes.compute(notification.recipientId(), (recipient, lane) -> {
            if (lane != null) {
                append(lane, notification, ticket, true);
                return lane;
            }
            opened[0] = openLane(notification, ticket, true);
            return opened[0];
        });
        if (opened[0] != null) {
            pushHead(opened[0]);
        }
    }

    /** A new lane holding the notification, or null (ticket finished) when there is no webhook. */
    private RecipientLane openLane(Notification notification, DeliveryTicket ticket, boolean liveFailed) {
        if (!push.enabled()) {
            ticket.finish();
            return null;
        }
        RecipientLane lane = new RecipientLane(notification.recipientId(), notification.source().partition());
        append(lane, notification, ticket, liveFailed);
        return lane;
    }

    private void append(RecipientLane lane, Notification notification, DeliveryTicket ticket, boolean liveFailed) {
        lane.append(notification, ticket, liveFailed);
        waiting.incrementAndGet();
    }

    private void pushHead(RecipientLane lane) {
        RecipientLane.Entry head = lane.head();
        try {
            push.push(head.notification(), () -> beforeAttempt(lane, head))
                    .whenCompleteAsync((result, error) -> headEnded(lane, head, result, error), serial);
        } catch (RuntimeException e) {
            // ended like a failed push, so the lane moves on instead of stalling its recipient forever
            serial.execute(() -> headEnded(lane, head, null, e));
        }
    }

    private Optional<PushResult> beforeAttempt(RecipientLane lane, RecipientLane.Entry head) {
        if (lane.isAbandoned()) {
            return Optional.of(PushResult.ABANDONED);
        }
        if (versions.isStale(head.notification())) {
            return Optional.of(PushResult.SUPERSEDED);
        }
        // not back to sockets that already failed it: a socket that is dying but not yet closed would
        // bounce it between the lane and itself
        if (!head.liveFailed() && sendLive(head.notification(), head.ticket())) {
            return Optional.of(PushResult.HANDED_TO_LIVE);
        }
        return Optional.empty();
    }

    private void headEnded(RecipientLane lane, RecipientLane.Entry head, PushResult result, Throwable error) {
        Notification notification = head.notification();
        PushResult outcome = result;
        if (error != null) {
            log.error("push of notification {} to {} failed unexpectedly", notification.id(), notification.recipientId(), error);
            outcome = PushResult.failed(error.toString());
        }
        if (lane.isAbandoned() && outcome.kind() != PushResult.Kind.DELIVERED) {
            return;
        }
        switch (outcome.kind()) {
            case DELIVERED -> {
                versions.delivered(notification);
                meters.delivered(Channel.WEBHOOK, notification);
                meters.pushEnded(PushEnd.DELIVERED);
                head.ticket().finish();
            }
            case SUPERSEDED -> {
                meters.pushEnded(PushEnd.SUPERSEDED);
                head.ticket().finish();
            }
            case HANDED_TO_LIVE -> meters.pushEnded(PushEnd.HANDED_TO_LIVE);
            case FAILED -> {
                meters.pushEnded(PushEnd.DEAD_LETTERED);
                deadLetters.send(notification.source(), DeadLetterReason.PUSH_EXHAUSTED,
                        "webhook did not accept notification " + notification.id() + ": " + outcome.failure(),
                        PUSH_EXHAUSTED_EXCEPTION, head.ticket());
            }
            case ABANDONED -> {
                return;
            }
        }
        advance(lane);
    }

    private void advance(RecipientLane lane) {
        boolean[] more = {false};
        lanes.computeIfPresent(lane.recipientId(), (recipient, current) -> {
            if (current != lane) {
                return current;
            }
            lane.removeHead();
            waiting.decrementAndGet();
            more[0] = !lane.isEmpty();
            return more[0] ? lane : null;
        });
        if (more[0]) {
            pushHead(lane);
        }
    }
}
