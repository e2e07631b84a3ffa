package io.presence.streams.input;

import io.presence.avro.PresenceEvent;
import io.presence.schemas.topics.TopicLayout;
import io.presence.streams.avro.PresenceEventMapper;
import io.presence.streams.dlq.DeadLetterCause;
import io.presence.streams.dlq.DeadLetterCounter;
import io.presence.streams.dlq.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of the fold: a valid event goes on as a domain {@code SessionEvent}, an invalid
 * one goes to the dead-letter sink with the reason in its headers, and processing goes on.
 */
public final class EventValidationProcessor implements Processor<String, PresenceEvent, Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(EventValidationProcessor.class);

    private final Serializer<PresenceEvent> eventSerializer;
    private final DeadLetterCounter deadLetters;
    private final String validChild;
    private final String deadLetterChild;
    private ProcessorContext<Object, Object> context;

    /**
     * @param eventSerializer re-encodes a refused event for the dead letter; it is the serializer of
     *                        {@code presence.events}, so the bytes carry that topic's schema id
     */
    public EventValidationProcessor(Serializer<PresenceEvent> eventSerializer, DeadLetterCounter deadLetters,
                                    String validChild, String deadLetterChild) {
        this.eventSerializer = eventSerializer;
        this.deadLetters = deadLetters;
        this.validChild = validChild;
        this.deadLetterChild = deadLetterChild;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, PresenceEvent> record) {
        Optional<String> problem = PresenceEventValidator.problemWith(record.key(), record.value());
        if (problem.isEmpty()) {
            context.forward(record.withValue(PresenceEventMapper.toSessionEvent(record.value())), validChild);
            return;
        }
        RecordMetadata source = context.recordMetadata().orElseThrow();
        log.warn("invalid event to {}: {} (topic {}, partition {}, offset {})", TopicLayout.DLQ, problem.get(),
                source.topic(), source.partition(), source.offset());
        deadLetters.count(DeadLetterCause.INVALID_EVENT);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        // The processor sees the decoded event, not the bytes it came in; re-encoding against the
        // same topic's subject gives bytes any consumer of presence.events can decode.
        byte[] value = eventSerializer.serialize(TopicLayout.EVENTS, record.value());
        context.forward(new Record<>(key, value, record.timestamp(),
                DeadLetterHeaders.forInvalidEvent(record.headers(), source, problem.get())), deadLetterChild);
    }
}
