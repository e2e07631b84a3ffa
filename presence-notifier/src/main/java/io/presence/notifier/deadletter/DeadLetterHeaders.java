package io.presence.notifier.deadletter;

import io.presence.notifier.delivery.DeadLetterReason;
import io.presence.notifier.delivery.SourceRecord;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a {@code presence.dlq} record (SPEC §2): the {@code __streams.errors.*} names Kafka
 * Streams' own dead-letter records carry (Kafka keeps those constants in an internal package, so they
 * are spelled here, as presence-streams does), so one consumer reads every stage's dead letters, plus
 * the stage that gave up and a short machine-readable reason.
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

    /** The original record's headers followed by the error headers. */
    static Headers of(SourceRecord source, DeadLetterReason reason, String message, String exception) {
        Headers headers = new RecordHeaders(source.headers() == null ? new RecordHeaders().toArray() : source.headers().toArray());
        add(headers, EXCEPTION, exception);
        add(headers, MESSAGE, message);
        add(headers, TOPIC, source.topic());
        add(headers, PARTITION, Integer.toString(source.partition()));
        add(headers, OFFSET, Long.toString(source.offset()));
        add(headers, STAGE, reason.stage());
        add(headers, REASON, reason.reason());
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
