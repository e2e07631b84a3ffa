package io.presence.streams.audit;

import io.presence.schemas.topics.DeadLetterHeaders;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * One record of {@code presence.dlq}: where it sits, when it was dead-lettered, its original key,
 * value and headers, and the cause its error headers name (none for a record some other writer put
 * there).
 */
record DeadLetter(int partition, long offset, Instant deadLetteredAt, String key, byte[] value, Headers headers,
                  DeadLetterHeaders.Cause knownCause) {

    static DeadLetter of(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()), record.key(),
                record.value(), record.headers(), DeadLetterHeaders.causeOf(record.headers()).orElse(null));
    }

    Optional<DeadLetterHeaders.Cause> cause() {
        return Optional.ofNullable(knownCause);
    }

    /** {@code <partition>@<offset>} in {@code presence.dlq}. */
    String position() {
        return partition + "@" + offset;
    }

    String stage() {
        return cause().map(DeadLetterHeaders.Cause::stage).orElse("-");
    }

    String reason() {
        return cause().map(DeadLetterHeaders.Cause::reason).orElse("-");
    }

    String sourceTopic() {
        return cause().map(DeadLetterHeaders.Cause::topic).orElse("-");
    }

    /** {@code <topic>-<partition>@<offset>} of the record before it died. */
    String source() {
        return cause().map(c -> c.topic() + "-" + c.partition() + "@" + c.offset()).orElse("-");
    }

    String message() {
        return cause().map(DeadLetterHeaders.Cause::message).orElse(null);
    }
}
