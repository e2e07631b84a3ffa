package io.presence.streams.dlq;

import io.presence.schemas.topics.DeadLetterHeaders;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A processor threw on a record (a bug, or input the validation did not foresee): rather than
 * crash-loop on the same offset after every restart, the record's raw bytes go to
 * {@code presence.dlq} and processing goes on. Counted like the other dead letters.
 */
public final class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {

    private DeadLetterCounter deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        deadLetters = DeadLetterCounterConfig.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        response.deadLetterQueueRecords().forEach(deadLetter -> DeadLetterHeaders.tag(deadLetter.headers(),
                DeadLetterCause.PROCESSING_FAILED.stage(), DeadLetterCause.PROCESSING_FAILED.reason()));
        deadLetters.count(DeadLetterCause.PROCESSING_FAILED);
        return response;
    }
}
