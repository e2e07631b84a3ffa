package io.presence.streams.timeout;

import org.apache.kafka.common.TopicPartition;

/**
 * Whether a task is still reading a backlog, judged from its input partition's lag. While it is,
 * its state is behind the log and the wall clock makes old deadlines look due, so timers hold back
 * (see the README, "replay guard").
 */
public record ReplayGuard(InputBacklog backlog, TopicPartition input, long maxInputLag) {

    public boolean isReplaying() {
        return backlog.recordsBehind(input) > maxInputLag;
    }
}
