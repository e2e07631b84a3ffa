package io.presence.streams.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.schemas.topics.DeadLetterHeaders;
import io.presence.schemas.topics.TopicLayout;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
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

        ProcessingExceptionHandler.Response response = handler.handleError(new FailedRecord(),
                new Record<>("alice", "decoded", 1_000L), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo(TopicLayout.DLQ);
        assertThat(dead.value()).isEqualTo(FailedRecord.RAW_VALUE);
        assertThat(header(dead.headers(), DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead.headers(), DeadLetterHeaders.OFFSET)).isEqualTo("17");
        assertThat(header(dead.headers(), DeadLetterHeaders.STAGE)).isEqualTo("process");
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("processing-failed");
        assertThat(registry.find("presence.dlq.records").tag("stage", "process").counter().count()).isEqualTo(1);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static final class FailedRecord implements ErrorHandlerContext {
        static final byte[] RAW_VALUE = {0, 0, 0, 0, 1, 42};

        @Override
        public String topic() {
            return TopicLayout.EVENTS;
        }

        @Override
        public int partition() {
            return 2;
        }

        @Override
        public long offset() {
            return 17;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "status-fold";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 2);
        }

        @Override
        public long timestamp() {
            return 1_000L;
        }

        @Override
        public byte[] sourceRawKey() {
            return "alice".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] sourceRawValue() {
            return RAW_VALUE;
        }
    }
}
