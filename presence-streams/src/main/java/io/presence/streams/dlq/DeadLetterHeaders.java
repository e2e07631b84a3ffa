package io.presence.streams.dlq;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers of a {@code presence.dlq} record (SPEC §2). The {@code __streams.errors.*} names are
 * the ones Kafka Streams' built-in dead-letter records carry, so one consumer reads both; Kafka
 * keeps its constants in an internal package, so they are spelled here. Two headers of our own say
 * which stage refused the record and a short machine-readable reason.
 */
public final class DeadLetterHeaders {

    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    public static final String STAGE = "__presence.errors.stage";
    public static final String REASON = "__presence.errors.reason";

    private DeadLetterHeaders() {
    }

    /**
     * The headers for a record the validation stage refused: the original ones plus the error
     * headers. Nothing was thrown, so {@code refusal} names the kind of refusal in the place of the
     * exception class (e.g. {@code io.presence.streams.input.InvalidPresenceEvent}).
     */
    public static Headers forRefused(Headers original, RecordMetadata source, DeadLetterCause cause, String refusal,
                                     String problem) {
        Headers headers = new RecordHeaders(original.toArray());
        add(headers, EXCEPTION, refusal);
        add(headers, MESSAGE, problem);
        add(headers, TOPIC, source.topic());
        add(headers, PARTITION, Integer.toString(source.partition()));
        add(headers, OFFSET, Long.toString(source.offset()));
        add(headers, STAGE, cause.stage());
        add(headers, REASON, cause.reason());
        return headers;
    }

    /** Adds stage and reason to the dead-letter records Kafka Streams built, which carry the rest. */
    static void tag(List<ProducerRecord<byte[], byte[]>> deadLetters, DeadLetterCause cause) {
        for (ProducerRecord<byte[], byte[]> record : deadLetters) {
            add(record.headers(), STAGE, cause.stage());
            add(record.headers(), REASON, cause.reason());
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
