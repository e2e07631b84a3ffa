package io.presence.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    private static final DeadLetterHeaders.Cause PUSH = new DeadLetterHeaders.Cause("presence.notifications", 3, 45L,
            "push", "webhook-retries-exhausted", "io.presence.notifier.webhook.WebhookPush$Failed", "HTTP 500 on attempt 8 of 8");

    @Test
    void theCauseWrittenIsTheCauseRead() {
        Headers written = DeadLetterHeaders.of(original(), PUSH);

        assertThat(DeadLetterHeaders.causeOf(written)).contains(PUSH);
    }

    @Test
    void aRecordWithoutTheErrorHeadersHasNoCause() {
        assertThat(DeadLetterHeaders.causeOf(original())).isEmpty();
    }

    @Test
    void anUnreadablePartitionOrOffsetMeansNoCause() {
        Headers written = DeadLetterHeaders.of(null, PUSH);
        written.remove(DeadLetterHeaders.OFFSET);
        written.add(DeadLetterHeaders.OFFSET, "forty-five".getBytes(StandardCharsets.UTF_8));

        assertThat(DeadLetterHeaders.causeOf(written)).isEmpty();
    }

    @Test
    void theOriginalHeadersAreEverythingButTheErrorHeaders() {
        Headers written = DeadLetterHeaders.of(original(), PUSH);
        // Kafka Streams' own dead letters carry more of its headers than we write
        written.add("__streams.errors.stacktrace", "at …".getBytes(StandardCharsets.UTF_8));

        assertThat(DeadLetterHeaders.original(written).toArray()).extracting(Header::key).containsExactly("traceparent", "app");
    }

    private static Headers original() {
        Headers headers = new RecordHeaders();
        headers.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));
        headers.add("app", "chat".getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
