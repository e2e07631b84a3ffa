package io.presence.bench.fold;

import io.presence.avro.PresenceEvent;
import io.presence.schemas.topics.Topic;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The fold's baseline: the least a stateful exactly-once Kafka Streams app does per event — decode
 * it with the same serde, one RocksDB get and one put of the user's entry (changelogged, caching
 * off, like {@code user-status}). The value stored is the event's own wire bytes, about the size
 * of a status record, so the state and changelog volume are comparable too.
 */
public final class GetPutBaseline {

    static final String STORE = "bench-last-event";
    private static final String SOURCE = "bench-events-source";
    private static final String PROCESSOR = "bench-get-put";

    private GetPutBaseline() {
    }

    /** @param usersSeen counts the gets that found nothing, i.e. distinct users: a check that every event was decoded and stored */
    public static Topology topology(Topic<String, PresenceEvent> events, LongAdder usersSeen) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), events.name());
        topology.addProcessor(PROCESSOR, () -> new GetPut(events.name(), events.valueSerde().deserializer(), usersSeen), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingDisabled(), PROCESSOR);
        return topology;
    }

    private static final class GetPut implements Processor<String, byte[], Void, Void> {

        private final String topic;
        private final Deserializer<PresenceEvent> decoder;
        private final LongAdder usersSeen;
        private KeyValueStore<String, byte[]> store;

        GetPut(String topic, Deserializer<PresenceEvent> decoder, LongAdder usersSeen) {
            this.topic = topic;
            this.decoder = decoder;
            this.usersSeen = usersSeen;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            PresenceEvent event = decoder.deserialize(topic, record.value());
            if (store.get(event.getUserId()) == null) {
                usersSeen.increment();
            }
            store.put(event.getUserId(), record.value());
        }
    }
}
