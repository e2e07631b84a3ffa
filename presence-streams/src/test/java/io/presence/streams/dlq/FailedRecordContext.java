package io.presence.streams.dlq;

import io.presence.schemas.topics.TopicLayout;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/** Where a failed record came from, as Kafka Streams tells an exception handler: alice's event at presence.events-2 offset 17. */
final class FailedRecordContext implements ErrorHandlerContext {
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

    /** The value of header {@code name} of a dead letter, as text. */
    static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
