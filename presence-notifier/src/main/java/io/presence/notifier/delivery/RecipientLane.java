package io.presence.notifier.delivery;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One recipient's notifications on their way to the webhook, in the order they were consumed. Only
 * the head is pushed (and retried); the rest wait behind it, so a newer version of a user never
 * overtakes an older one still being retried, and a recipient's retries never hold up another's.
 */
final class RecipientLane {

    /** @param liveFailed every socket of the recipient already failed it: push it, do not offer it to sockets again */
    record Entry(Notification notification, DeliveryTicket ticket, boolean liveFailed) {
    }

    private final String recipientId;
    private final int partition;
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private volatile boolean abandoned;

    RecipientLane(String recipientId, int partition) {
        this.recipientId = recipientId;
        this.partition = partition;
    }

    String recipientId() {
        return recipientId;
    }

    int partition() {
        return partition;
    }

    void append(Notification notification, DeliveryTicket ticket, boolean liveFailed) {
        entries.add(new Entry(notification, ticket, liveFailed));
    }

    Entry head() {
        return entries.peek();
    }

    void removeHead() {
        entries.poll();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    /** The lane's partition left this instance: stop pushing; its tickets stay unfinished for the new owner. */
    void abandon() {
        abandoned = true;
    }

    boolean isAbandoned() {
        return abandoned;
    }
}
