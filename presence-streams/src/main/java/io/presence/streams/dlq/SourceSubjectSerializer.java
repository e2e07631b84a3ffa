package io.presence.streams.dlq;

import io.presence.schemas.topics.Topic;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Encodes a refused record for {@code presence.dlq} as its source topic's serializer would: a sink
 * calls its serializer with the sink's topic, and the registry serde derives the subject from the
 * topic, so without this the dead letter would be registered under {@code presence.dlq-value}.
 * With it, the bytes carry the source subject's schema id and any consumer of the source topic can
 * decode them.
 */
public final class SourceSubjectSerializer<V> implements Serializer<V> {

    private final String sourceTopic;
    private final Serializer<V> sourceSerializer;

    public SourceSubjectSerializer(Topic<?, V> source) {
        this.sourceTopic = source.name();
        this.sourceSerializer = source.valueSerde().serializer();
    }

    @Override
    public byte[] serialize(String topic, V value) {
        return sourceSerializer.serialize(sourceTopic, value);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, V value) {
        return sourceSerializer.serialize(sourceTopic, headers, value);
    }
}
