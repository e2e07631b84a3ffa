package io.presence.streams.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.schemas.registry.SchemaRegistryException;
import io.presence.schemas.topics.DeadLetterHeaders;
import io.presence.schemas.topics.TopicLayout;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad bytes are dead-lettered and skipped; a record the schema registry could not help decode is neither. */
class DeadLetterDeserializationHandlerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TopicLayout.EVENTS, 2, 17,
            "alice".getBytes(StandardCharsets.UTF_8), FailedRecordContext.RAW_VALUE);

    @BeforeEach
    void configure() {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TopicLayout.DLQ,
                DeadLetterCounterConfig.KEY, new DeadLetterCounter(registry)));
    }

    @Test
    void undecodableBytesAreDeadLetteredCountedAndSkipped() {
        DeserializationExceptionHandler.Response response = handler.handleError(new FailedRecordContext(), record,
                new SerializationException("record on presence.events starts with byte 0x2a, not the magic byte 0"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo(TopicLayout.DLQ);
        assertThat(dead.value()).isEqualTo(FailedRecordContext.RAW_VALUE);
        assertThat(FailedRecordContext.header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("undecodable");
        assertThat(registry.find("presence.dlq.records").tag("stage", "deserialize").counter().count()).isEqualTo(1);
    }

    @Test
    void aRecordNotDecodedBecauseTheRegistryCannotAnswerIsNotDeadLetteredButFailsTheThread() {
        SchemaRegistryException unreachable = new SchemaRegistryException(0, SchemaRegistryException.UNREACHABLE,
                "schema registry http://localhost:8081/ not reachable", new ConnectException("Connection refused"));

        DeserializationExceptionHandler.Response response = handler.handleError(new FailedRecordContext(), record,
                new SerializationException("cannot decode PresenceEvent with schema id 7", unreachable));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(registry.find("presence.dlq.records").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void aRecordWhoseSchemaTheRegistryDoesNotKnowIsDeadLettered() {
        SchemaRegistryException unknownId = new SchemaRegistryException(404, 40403, "Schema 99 not found", null);

        DeserializationExceptionHandler.Response response = handler.handleError(new FailedRecordContext(), record,
                new SerializationException("cannot decode PresenceEvent with schema id 99", unknownId));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
    }
}
