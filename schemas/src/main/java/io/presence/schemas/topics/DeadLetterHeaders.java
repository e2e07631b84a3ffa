package io.presence.schemas.topics;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a {@code presence.dlq} record (SPEC §2), the same for every stage. The
 * {@code __streams.errors.*} names are the ones Kafka Streams' built-in dead-letter records carry, so
 * one consumer reads every stage's dead letters; Kafka keeps its constants in an internal package, so
 * they are spelled here, once. Two headers of our own say which stage gave up and a short
 * machine-readable reason.
 */
public final class DeadLetterHeaders {

    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    public static final String STAGE = "__presence.errors.stage";
    public static final String REASON = "__presence.errors.reason";
    /** On a record put back into its topic from {@code presence.dlq}: the dead letter it came from ({@code <partition>@<offset>}). */
    public static final String REDRIVEN_FROM = "__presence.redriven-from";

    private static final String STREAMS_PREFIX = "__streams.errors.";
    private static final String PRESENCE_PREFIX = "__presence.errors.";

    private DeadLetterHeaders() {
    }

    /** Where the dead record came from, and why it is dead. */
    public record Cause(String topic, int partition, long offset, String stage, String reason,
                        String exception, String message) {
    }

    /** The original record's headers (may be null) followed by the error headers. */
    public static Headers of(Headers original, Cause cause) {
        Headers headers = new RecordHeaders(original == null ? new RecordHeaders().toArray() : original.toArray());
        add(headers, EXCEPTION, cause.exception());
        add(headers, MESSAGE, cause.message());
        add(headers, TOPIC, cause.topic());
        add(headers, PARTITION, Integer.toString(cause.partition()));
        add(headers, OFFSET, Long.toString(cause.offset()));
        tag(headers, cause.stage(), cause.reason());
        return headers;
    }

    /** Adds only stage and reason, to dead letters Kafka Streams built with the rest. */
    public static void tag(Headers headers, String stage, String reason) {
        add(headers, STAGE, stage);
        add(headers, REASON, reason);
    }

    /**
     * The cause a dead letter's headers name; empty when one of topic, partition, offset, stage or reason
     * is missing or unreadable (a record some other writer put there). Exception and message may be null.
     */
    public static Optional<Cause> causeOf(Headers headers) {
        String topic = text(headers, TOPIC);
        String partition = text(headers, PARTITION);
        String offset = text(headers, OFFSET);
        String stage = text(headers, STAGE);
        String reason = text(headers, REASON);
        if (topic == null || partition == null || offset == null || stage == null || reason == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Cause(topic, Integer.parseInt(partition), Long.parseLong(offset), stage, reason,
                    text(headers, EXCEPTION), text(headers, MESSAGE)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The headers the record carried before it died: all but the error headers (Kafka Streams' and ours). */
    public static Headers original(Headers headers) {
        Headers kept = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith(STREAMS_PREFIX) && !header.key().startsWith(PRESENCE_PREFIX)) {
                kept.add(header);
            }
        }
        return kept;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
