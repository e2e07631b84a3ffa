package io.presence.streams.dlq;

import io.presence.schemas.registry.SchemaRegistryException;
import io.presence.schemas.topics.DeadLetterHeaders;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undecodable input: Kafka Streams' log-and-continue handler, which with
 * {@code errors.dead.letter.queue.topic.name} set hands back a dead-letter record of the raw
 * bytes with the {@code __streams.errors.*} headers; we add stage and reason and count it.
 * Streams writes the record in the task's transaction, so it is dead-lettered exactly once.
 *
 * <p>Except when the record could not be decoded because the schema registry could not answer (its
 * schema id is one this instance has not seen, e.g. written by a newer compatible producer): the
 * record is not at fault, and dead-lettering it would lose a valid event. Then the stream thread
 * fails, {@link io.presence.streams.app.StreamThreadFailures} replaces it, and the new thread reads
 * the record again from the last commit — until the registry answers.
 */
public final class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetterCounter deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        deadLetters = DeadLetterCounterConfig.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (SchemaRegistryException.isUnavailableIn(exception)) {
            log.warn("{}-{} offset {}: not decoded because the schema registry cannot answer ({}); not dead-lettered: "
                    + "the stream thread stops and a new one reads it again", record.topic(), record.partition(),
                    record.offset(), exception.getMessage());
            return Response.fail();
        }
        Response response = super.handleError(context, record, exception);
        response.deadLetterQueueRecords().forEach(deadLetter -> DeadLetterHeaders.tag(deadLetter.headers(),
                DeadLetterCause.UNDECODABLE.stage(), DeadLetterCause.UNDECODABLE.reason()));
        deadLetters.count(DeadLetterCause.UNDECODABLE);
        return response;
    }
}
