package io.presence.streams.dlq;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Kafka Streams instantiates exception handlers from class names, so the counter they count with
 * reaches them as an object inside the Streams config, under {@link #KEY}.
 */
public final class DeadLetterCounterConfig {

    public static final String KEY = "presence.dead-letter-counter";

    private DeadLetterCounterConfig() {
    }

    static DeadLetterCounter from(Map<String, ?> configs) {
        if (configs.get(KEY) instanceof DeadLetterCounter counter) {
            return counter;
        }
        throw new ConfigException(KEY, configs.get(KEY), "the Streams config must carry the DeadLetterCounter instance");
    }
}
