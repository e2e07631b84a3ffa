package io.presence.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

    private final StreamThreadFailures failures = new StreamThreadFailures();

    @Test
    void aThreadStoppedByAnUnavailableRegistryIsReplaced() {
        var unavailable = new SchemaRegistryException(503, 50003, "GET /schemas/ids/7 → 503", null);
        var thrown = new StreamsException("Deserialization exception handler is set to fail upon a deserialization error",
                new SerializationException("cannot decode PresenceEvent with schema id 7", unavailable));

        assertThat(failures.handle(thrown)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void aThreadStoppedByKafkaNotAnsweringWithinTheTaskTimeoutIsReplaced() {
        var thrown = new StreamsException("task [0_1] Failed to initialize task within 300000 ms",
                new TimeoutException("Timeout expired after 60000ms while awaiting InitProducerId"));

        assertThat(failures.handle(thrown)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void anyOtherFailureStopsThisInstancesStreams() {
        assertThat(failures.handle(new StreamsException(new IllegalStateException("disk full"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.handle(new StreamsException(new SchemaRegistryException(404, 40403, "Schema 99 not found", null))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
