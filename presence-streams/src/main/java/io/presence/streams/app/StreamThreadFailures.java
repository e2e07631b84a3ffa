package io.presence.streams.app;

import io.presence.schemas.registry.SchemaRegistryException;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a stream thread dies. An outage is waited out: a schema registry that could not
 * answer (see {@code DeadLetterDeserializationHandler}), or Kafka not answering for longer than
 * {@code task.timeout.ms} (5 minutes) — the thread is replaced, its tasks start again from their last
 * commit and read the same records again. Any other failure stops this instance's Streams (Kafka's
 * default), and {@link StreamsMain} then exits for its supervisor to restart it.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        if (SchemaRegistryException.isUnavailableIn(exception) || kafkaTimedOut(exception)) {
            log.warn("a stream thread stopped because the schema registry or Kafka does not answer; replacing it, "
                    + "it will read the same records again: {}", exception.toString());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        log.error("a stream thread failed; stopping Kafka Streams on this instance", exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    private static boolean kafkaTimedOut(Throwable exception) {
        return Stream.iterate(exception, Objects::nonNull, Throwable::getCause).anyMatch(TimeoutException.class::isInstance);
    }
}
