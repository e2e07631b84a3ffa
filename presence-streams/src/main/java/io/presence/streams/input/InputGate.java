package io.presence.streams.input;

import io.presence.schemas.topics.DeadLetterHeaders;
import io.presence.streams.dlq.DeadLetterCounter;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate behind an input topic: a valid record goes on, unchanged, to each of the processors
 * that consume it; an invalid one goes to the dead-letter sink with the reason in its headers, and
 * processing goes on. The dead-letter sink encodes the record with its source topic's serializer
 * ({@code SourceSubjectSerializer}), so the dead letter decodes like the record that came in.
 */
public final class InputGate<V> implements Processor<String, V, String, V> {

    private static final Logger log = LoggerFactory.getLogger(InputGate.class);

    private final InputCheck<V> check;
    private final DeadLetterCounter deadLetters;
    private final List<String> validChildren;
    private final String deadLetterChild;
    private ProcessorContext<String, V> context;

    public InputGate(InputCheck<V> check, DeadLetterCounter deadLetters, List<String> validChildren, String deadLetterChild) {
        this.check = check;
        this.deadLetters = deadLetters;
        this.validChildren = List.copyOf(validChildren);
        this.deadLetterChild = deadLetterChild;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
        Optional<String> problem = check.rule().problemWith(record.key(), record.value(), record.timestamp());
        if (problem.isEmpty()) {
            for (String child : validChildren) {
                context.forward(record, child);
            }
            return;
        }
        RecordMetadata source = context.recordMetadata().orElseThrow();
        log.warn("invalid record to the dead-letter topic: {} (topic {}, partition {}, offset {})", problem.get(),
                source.topic(), source.partition(), source.offset());
        deadLetters.count(check.cause());
        // nothing was thrown: the refusal's kind stands where the exception class would
        context.forward(record.withHeaders(DeadLetterHeaders.of(record.headers(), new DeadLetterHeaders.Cause(
                source.topic(), source.partition(), source.offset(), check.cause().stage(), check.cause().reason(),
                check.refusal(), problem.get()))), deadLetterChild);
    }
}
