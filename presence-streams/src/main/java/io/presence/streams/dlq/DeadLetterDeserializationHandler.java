package io.presence.streams.dlq;

import io.presence.schemas.topics.DeadLetterHeaders;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Undecodable input: Kafka Streams' log-and-continue handler, which with
 * {@code errors.dead.letter.queue.topic.name} set hands back a dead-letter record of the raw
 * bytes with the {@code __streams.errors.*} headers; we add stage and reason and count it.
 * Streams writes the record in the task's transaction, so it is dead-lettered exactly once.
 */
public final class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

    private DeadLetterCounter deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        deadLetters = DeadLetterCounterConfig.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        response.deadLetterQueueRecords().forEach(deadLetter -> DeadLetterHeaders.tag(deadLetter.headers(),
                DeadLetterCause.UNDECODABLE.stage(), DeadLetterCause.UNDECODABLE.reason()));
        deadLetters.count(DeadLetterCause.UNDECODABLE);
        return response;
    }
}
