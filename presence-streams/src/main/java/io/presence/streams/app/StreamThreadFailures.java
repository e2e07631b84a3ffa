package io.presence.streams.app;

import io.presence.schemas.registry.SchemaRegistryException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a stream thread dies. A schema registry that could not answer (see
 * {@code DeadLetterDeserializationHandler}) is an outage to wait out, not a fault of the data: the
 * thread is replaced, its tasks start again from their last commit and read the record again. Any
 * other failure stops this instance's Streams (Kafka's default), which {@code /health} then reports.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        if (SchemaRegistryException.isUnavailableIn(exception)) {
            log.warn("a stream thread stopped because the schema registry cannot answer; replacing it, "
                    + "it will read the same records again: {}", exception.toString());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        log.error("a stream thread failed; stopping Kafka Streams on this instance", exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
