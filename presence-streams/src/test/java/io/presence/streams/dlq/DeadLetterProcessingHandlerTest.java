package io.presence.streams.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.schemas.topics.DeadLetterHeaders;
import io.presence.schemas.topics.TopicLayout;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** A processor that throws must not crash-loop the application: the record is dead-lettered and processing resumes. */
class DeadLetterProcessingHandlerTest {

    @Test
    void aFailingRecordIsDeadLetteredWithItsRawBytesAndCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TopicLayout.DLQ,
                DeadLetterCounterConfig.KEY, new DeadLetterCounter(registry)));

        ProcessingExceptionHandler.Response response = handler.handleError(new FailedRecordContext(),
                new Record<>("alice", "decoded", 1_000L), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo(TopicLayout.DLQ);
        assertThat(dead.value()).isEqualTo(FailedRecordContext.RAW_VALUE);
        assertThat(FailedRecordContext.header(dead.headers(), DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(FailedRecordContext.header(dead.headers(), DeadLetterHeaders.OFFSET)).isEqualTo("17");
        assertThat(FailedRecordContext.header(dead.headers(), DeadLetterHeaders.STAGE)).isEqualTo("process");
        assertThat(FailedRecordContext.header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("processing-failed");
        assertThat(registry.find("presence.dlq.records").tag("stage", "process").counter().count()).isEqualTo(1);
    }
}
