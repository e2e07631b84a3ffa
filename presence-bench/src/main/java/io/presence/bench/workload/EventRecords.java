package io.presence.bench.workload;

import io.presence.avro.PresenceEvent;
import io.presence.schemas.topics.Topic;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records one generated event becomes when it is loaded: usually the event itself in
 * {@code presence.events}; a scenario may write it elsewhere, or add what a stage would derive
 * from it. Called in log order, on one thread.
 */
@FunctionalInterface
public interface EventRecords {

    List<ProducerRecord<byte[], byte[]>> of(PresenceEvent event);

    /** The event in {@code events}, keyed by its user, stamped with its own timestamp, in the topic's wire format. */
    static EventRecords into(Topic<String, PresenceEvent> events) {
        return event -> List.of(new ProducerRecord<>(events.name(), null, event.getTimestamp().toEpochMilli(),
                events.keySerde().serializer().serialize(events.name(), event.getUserId()),
                events.valueSerde().serializer().serialize(events.name(), event)));
    }
}
