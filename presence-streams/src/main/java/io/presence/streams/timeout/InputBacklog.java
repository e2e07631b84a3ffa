package io.presence.streams.timeout;

import org.apache.kafka.common.TopicPartition;

/**
 * How many records of an input partition this instance has not read yet. The detector's replay
 * guard: a processor cannot see end offsets, the application's consumers can, so the application
 * supplies this.
 */
@FunctionalInterface
public interface InputBacklog {

    /** The backlog of {@code partition}, or {@link Long#MAX_VALUE} while it is not known. */
    long recordsBehind(TopicPartition partition);

    /** For a topology that never replays (tests, benchmarks that start on an empty log). */
    static InputBacklog alwaysCaughtUp() {
        return partition -> 0;
    }
}
