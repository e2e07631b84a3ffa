package io.presence.streams.topology;

import io.presence.schemas.topics.TopicLayout;
import io.presence.streams.dlq.DeadLetterDeserializationHandler;
import io.presence.streams.dlq.DeadLetterProcessingHandler;
import io.presence.streams.dlq.DeadLetterCounterConfig;
import io.presence.streams.metrics.PresenceMeters;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams settings the topology's behaviour depends on, shared by the application and the
 * TopologyTestDriver tests so both run the same guarantees and error handling. Deployment settings
 * (servers, state directory, memory, standbys) are the application's.
 */
public final class ProcessingConfig {

    private ProcessingConfig() {
    }

    public static Properties properties(String applicationId, PresenceMeters meters) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // an unnamed store or internal topic would get a generated name that shifts between releases
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // Our tasks read four partitions (events, subscriptions, friendships, subscription edges) and
        // most are empty most of the time. With task idling on (the default 0), Kafka Streams 4.2+
        // formats a log line per empty partition on every processing attempt, at any log level
        // (KAFKA-19682): ~30 % of the fold thread in the fold benchmark. We never needed the idling:
        // the fold reads presence.events alone, and nothing orders one topic against another by
        // time, so "process what is buffered" (-1) costs no correctness.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TopicLayout.DLQ);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        // Kafka 5.0's default, taken now: nothing changes (the topology has no global store), and
        // StreamsConfig stops warning about it (the partition assignor's own copy still does, once)
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(DeadLetterCounterConfig.KEY, meters.deadLetters());
        return props;
    }
}
