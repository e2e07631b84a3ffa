package io.presence.notifier.delivery;

/** The way to {@code presence.dlq}. */
public interface DeadLetters {

    /**
     * Writes the record's original key and value to {@code presence.dlq} with headers naming the
     * source and the reason, and finishes the ticket once Kafka acknowledged it (so the offset is
     * committed only after the dead letter is durable). Never drops it: a failed write is retried.
     *
     * @param exception the class name of what went wrong, for {@code __streams.errors.exception}
     */
    void send(SourceRecord record, DeadLetterReason reason, String message, String exception, DeliveryTicket ticket);
}
