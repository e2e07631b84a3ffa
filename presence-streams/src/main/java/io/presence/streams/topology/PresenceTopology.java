package io.presence.streams.topology;

import io.presence.schemas.topics.Topic;
import io.presence.schemas.topics.Topics;
import io.presence.streams.input.EventValidationProcessor;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.status.StatusFoldProcessor;
import io.presence.streams.status.UserStatusStore;
import io.presence.streams.timeout.InputBacklog;
import io.presence.streams.timeout.TimeoutDetectorProcessor;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The presence-streams topology, built by a pure function of settings, topic catalogue and
 * observers: no I/O, so the application, the TopologyTestDriver tests, the benchmarks and
 * {@code describe()} all get the same graph. Every node and store is named here; the names are
 * part of the deployed state (changelog topics, store directories), so renaming one is a migration.
 *
 * <pre>
 * presence.events ─▶ validate-events ─┬▶ presence.dlq                     (invalid events)
 *                                     └▶ status-fold ─┬▶ presence.status          (changes only)
 *                         [user-status]               ├▶ presence.status-changes
 *                                                     └▶ timeout-detector ─▶ presence.events (expiry proposals)
 *                                  [session-deadlines, session-deadlines-watermark]   ⏱ wall clock
 * </pre>
 */
public final class PresenceTopology {

    public static final String EVENTS_SOURCE = "presence-events-source";
    public static final String VALIDATE_EVENTS = "validate-events";
    public static final String INVALID_EVENTS_SINK = "invalid-events-dlq-sink";
    public static final String STATUS_FOLD = "status-fold";
    public static final String STATUS_SINK = "status-sink";
    public static final String STATUS_CHANGES_SINK = "status-changes-sink";
    public static final String TIMEOUT_DETECTOR = "timeout-detector";
    public static final String EXPIRY_SINK = "expiry-proposals-sink";

    private PresenceTopology() {
    }

    public static Topology build(TopologySettings settings, Topics topics, PresenceMeters meters, InputBacklog backlog) {
        Topology topology = new Topology();

        topology.addSource(EVENTS_SOURCE, topics.events().keySerde().deserializer(),
                topics.events().valueSerde().deserializer(), topics.events().name());

        topology.addProcessor(VALIDATE_EVENTS, () -> new EventValidationProcessor(
                topics.events().valueSerde().serializer(), meters.deadLetters(), STATUS_FOLD, INVALID_EVENTS_SINK), EVENTS_SOURCE);
        addSink(topology, INVALID_EVENTS_SINK, topics.dlq(), VALIDATE_EVENTS);

        var foldOutputs = new StatusFoldProcessor.Outputs(STATUS_SINK, STATUS_CHANGES_SINK, TIMEOUT_DETECTOR);
        topology.addProcessor(STATUS_FOLD, () -> new StatusFoldProcessor(meters, foldOutputs), VALIDATE_EVENTS);
        topology.addStateStore(UserStatusStore.builder(), STATUS_FOLD);
        addSink(topology, STATUS_SINK, topics.status(), STATUS_FOLD);
        addSink(topology, STATUS_CHANGES_SINK, topics.statusChanges(), STATUS_FOLD);

        topology.addProcessor(TIMEOUT_DETECTOR, () -> new TimeoutDetectorProcessor(
                settings.timeouts(), settings.detector(), backlog, meters, EXPIRY_SINK), STATUS_FOLD);
        topology.connectProcessorAndStateStores(TIMEOUT_DETECTOR, UserStatusStore.NAME);
        for (StoreBuilder<?> store : TimeoutDetectorProcessor.stores()) {
            topology.addStateStore(store, TIMEOUT_DETECTOR);
        }
        // the cycle is on the topic, not in the graph: proposals are read back like any event
        addSink(topology, EXPIRY_SINK, topics.events(), TIMEOUT_DETECTOR);

        return topology;
    }

    private static <K, V> void addSink(Topology topology, String name, Topic<K, V> topic, String parent) {
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), parent);
    }
}
