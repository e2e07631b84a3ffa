package io.presence.streams.topology;

import io.presence.avro.SubscriptionCommand;
import io.presence.schemas.topics.Topic;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.Topics;
import io.presence.streams.dlq.SourceSubjectSerializer;
import io.presence.streams.fanout.FriendIndexProcessor;
import io.presence.streams.fanout.NotificationFanoutProcessor;
import io.presence.streams.fanout.RelationIndex;
import io.presence.streams.fanout.SubscriberIndexProcessor;
import io.presence.streams.input.InputCheck;
import io.presence.streams.input.InputGate;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.status.StatusFoldProcessor;
import io.presence.streams.status.UserStatusStore;
import io.presence.streams.subscription.SubscriptionEdge;
import io.presence.streams.subscription.SubscriptionEdgeSerde;
import io.presence.streams.subscription.SubscriptionLedgerProcessor;
import io.presence.streams.subscription.SubscriptionLedgerStore;
import io.presence.streams.subscription.SubscriptionRetentionProcessor;
import io.presence.streams.timeout.InputBacklog;
import io.presence.streams.timeout.TimeoutDetectorProcessor;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The presence-streams topology, built by a pure function of settings, topic catalogue and
 * observers: no I/O, so the application, the TopologyTestDriver tests, the benchmarks and
 * {@code describe()} all get the same graph. Every node, store and internal topic is named here;
 * the names are part of the deployed state (changelog and repartition topics, store directories),
 * so renaming one is a migration. See the README (presence-streams topology) for the picture.
 *
 * <p>Everything is one sub-topology: the stores tie the four sources together, so task {@code p}
 * reads partition {@code p} of each — all of a user's events, subscriptions, friendships and
 * subscribers — which is why every user-keyed topic has the same partition count.
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
    public static final String SUBSCRIPTIONS_SOURCE = "presence-subscriptions-source";
    public static final String VALIDATE_SUBSCRIPTIONS = "validate-subscriptions";
    public static final String INVALID_SUBSCRIPTIONS_SINK = "invalid-subscriptions-dlq-sink";
    public static final String SUBSCRIPTION_LEDGER = "subscription-ledger";
    /** The repartition topic {@code <application-id>-subscription-edges-repartition} and its nodes. */
    public static final String SUBSCRIPTION_EDGES = "subscription-edges";
    public static final String UPDATE_SUBSCRIBER_INDEX = "update-subscriber-index";
    public static final String SUBSCRIPTION_RETENTION = "subscription-retention";
    public static final String RETENTION_SINK = "retention-proposals-sink";
    public static final String FRIENDSHIPS_SOURCE = "presence-friendships-source";
    public static final String VALIDATE_FRIENDSHIPS = "validate-friendships";
    public static final String INVALID_FRIENDSHIPS_SINK = "invalid-friendships-dlq-sink";
    public static final String UPDATE_FRIEND_INDEX = "update-friend-index";
    public static final String NOTIFICATION_FANOUT = "notification-fanout";
    public static final String NOTIFICATIONS_SINK = "notifications-sink";

    private PresenceTopology() {
    }

    public static Topology build(TopologySettings settings, Topics topics, PresenceMeters meters, InputBacklog backlog) {
        // Only the DSL declares a repartition topic that Kafka Streams creates (with our partition
        // count) and names after the application id, so the ledger's flow is declared first, in
        // the DSL, and the rest is added to the Topology it builds.
        Topology topology = subscriptionLedger(topics, meters);
        addStatusFold(topology, settings, topics, meters, backlog);
        addSubscriptionRetention(topology, settings, topics, meters, backlog);
        addFriendIndex(topology, topics, meters);
        addNotificationFanout(topology, settings, topics, meters);
        return topology;
    }

    /**
     * presence.subscriptions ─▶ validate ─▶ ledger ─▶ (re-keyed by target) ─▶ subscriber index. The
     * repartition topic has the user topics' partition count, so an edge lands on the task that
     * owns its target.
     */
    private static Topology subscriptionLedger(Topics topics, PresenceMeters meters) {
        StreamsBuilder dsl = new StreamsBuilder(namingChecked());
        dsl.addStateStore(SubscriptionLedgerStore.builder());
        dsl.addStateStore(RelationIndex.store(RelationIndex.SUBSCRIBERS));
        Topic<String, SubscriptionCommand> commands = topics.subscriptions();
        dsl.stream(commands.name(), Consumed.with(commands.keySerde(), commands.valueSerde()).withName(SUBSCRIPTIONS_SOURCE))
                .process(() -> new InputGate<>(InputCheck.subscriptionCommands(), meters.deadLetters(),
                        List.of(SUBSCRIPTION_LEDGER, SUBSCRIPTION_RETENTION), INVALID_SUBSCRIPTIONS_SINK), Named.as(VALIDATE_SUBSCRIPTIONS))
                .process(SubscriptionLedgerProcessor::new, Named.as(SUBSCRIPTION_LEDGER), SubscriptionLedgerStore.NAME)
                .repartition(Repartitioned.<String, SubscriptionEdge>as(SUBSCRIPTION_EDGES)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(new SubscriptionEdgeSerde())
                        .withNumberOfPartitions(topics.layout().userPartitions()))
                .process(SubscriberIndexProcessor::new, Named.as(UPDATE_SUBSCRIBER_INDEX), RelationIndex.SUBSCRIBERS);
        Topology topology = dsl.build();
        addDeadLetterSink(topology, INVALID_SUBSCRIPTIONS_SINK, commands, VALIDATE_SUBSCRIPTIONS);
        return topology;
    }

    /** presence.events ─▶ validate ─▶ status fold ─▶ presence.status, .status-changes; timeout detector ─▶ presence.events. */
    private static void addStatusFold(Topology topology, TopologySettings settings, Topics topics, PresenceMeters meters,
                                      InputBacklog backlog) {
        addSource(topology, EVENTS_SOURCE, topics.events());
        topology.addProcessor(VALIDATE_EVENTS, () -> new InputGate<>(InputCheck.presenceEvents(), meters.deadLetters(),
                List.of(STATUS_FOLD), INVALID_EVENTS_SINK), EVENTS_SOURCE);
        addDeadLetterSink(topology, INVALID_EVENTS_SINK, topics.events(), VALIDATE_EVENTS);

        var foldOutputs = new StatusFoldProcessor.Outputs(STATUS_SINK, STATUS_CHANGES_SINK, TIMEOUT_DETECTOR, NOTIFICATION_FANOUT);
        topology.addProcessor(STATUS_FOLD, () -> new StatusFoldProcessor(meters, foldOutputs), VALIDATE_EVENTS);
        topology.addStateStore(UserStatusStore.builder(), STATUS_FOLD);
        addSink(topology, STATUS_SINK, topics.status(), STATUS_FOLD);
        addSink(topology, STATUS_CHANGES_SINK, topics.statusChanges(), STATUS_FOLD);

        topology.addProcessor(TIMEOUT_DETECTOR, () -> new TimeoutDetectorProcessor(
                settings.timeouts(), settings.detector(), backlog, meters, EXPIRY_SINK), STATUS_FOLD);
        topology.connectProcessorAndStateStores(TIMEOUT_DETECTOR, UserStatusStore.NAME);
        addStores(topology, TimeoutDetectorProcessor.stores(), TIMEOUT_DETECTOR);
        // the cycle is on the topic, not in the graph: proposals are read back like any event
        addSink(topology, EXPIRY_SINK, topics.events(), TIMEOUT_DETECTOR);
    }

    /** Valid subscription commands ─▶ retention timers ─▶ presence.subscriptions (clearing proposals, R-SUB-4). */
    private static void addSubscriptionRetention(Topology topology, TopologySettings settings, Topics topics,
                                                 PresenceMeters meters, InputBacklog backlog) {
        topology.addProcessor(SUBSCRIPTION_RETENTION, () -> new SubscriptionRetentionProcessor(
                settings.subscriptionRetention(), settings.detector(), backlog, meters, RETENTION_SINK), VALIDATE_SUBSCRIPTIONS);
        addStores(topology, SubscriptionRetentionProcessor.stores(), SUBSCRIPTION_RETENTION);
        topology.connectProcessorAndStateStores(SUBSCRIPTION_RETENTION, SubscriptionLedgerStore.NAME, UserStatusStore.NAME);
        // a cycle on the topic again: the ledger reads the proposal back like any command
        addSink(topology, RETENTION_SINK, topics.subscriptions(), SUBSCRIPTION_RETENTION);
    }

    /** presence.friendships ─▶ validate ─▶ friend index (each side is written keyed by itself: no re-keying). */
    private static void addFriendIndex(Topology topology, Topics topics, PresenceMeters meters) {
        addSource(topology, FRIENDSHIPS_SOURCE, topics.friendships());
        topology.addProcessor(VALIDATE_FRIENDSHIPS, () -> new InputGate<>(InputCheck.friendshipEvents(), meters.deadLetters(),
                List.of(UPDATE_FRIEND_INDEX), INVALID_FRIENDSHIPS_SINK), FRIENDSHIPS_SOURCE);
        addDeadLetterSink(topology, INVALID_FRIENDSHIPS_SINK, topics.friendships(), VALIDATE_FRIENDSHIPS);
        topology.addProcessor(UPDATE_FRIEND_INDEX, FriendIndexProcessor::new, VALIDATE_FRIENDSHIPS);
        topology.addStateStore(RelationIndex.store(RelationIndex.FRIENDS), UPDATE_FRIEND_INDEX);
    }

    /** Status changes ─▶ fan-out over the user itself, its friends and subscribers ─▶ presence.notifications. */
    private static void addNotificationFanout(Topology topology, TopologySettings settings, Topics topics, PresenceMeters meters) {
        topology.addProcessor(NOTIFICATION_FANOUT, () -> new NotificationFanoutProcessor(settings.fanout(), meters), STATUS_FOLD);
        addStores(topology, NotificationFanoutProcessor.stores(), NOTIFICATION_FANOUT);
        topology.connectProcessorAndStateStores(NOTIFICATION_FANOUT, RelationIndex.SUBSCRIBERS, RelationIndex.FRIENDS);
        addSink(topology, NOTIFICATIONS_SINK, topics.notifications(), NOTIFICATION_FANOUT);
    }

    /**
     * The DSL builder checks names against its own config when it builds; Kafka Streams replaces
     * that config with the application's when it runs the topology. So only the naming check
     * matters here, and StreamsConfig's two required keys are placeholders. The global handler flag is
     * set only because a StreamsConfig without it logs a warning.
     */
    private static TopologyConfig namingChecked() {
        return new TopologyConfig(new StreamsConfig(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, "presence-topology",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true)));
    }

    private static <K, V> void addSource(Topology topology, String name, Topic<K, V> topic) {
        topology.addSource(name, topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name());
    }

    private static <K, V> void addSink(Topology topology, String name, Topic<K, V> topic, String parent) {
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), parent);
    }

    /** Refused records of {@code source} to presence.dlq, in the source's own encoding. */
    private static <V> void addDeadLetterSink(Topology topology, String name, Topic<String, V> source, String parent) {
        topology.addSink(name, TopicLayout.DLQ, source.keySerde().serializer(), new SourceSubjectSerializer<>(source), parent);
    }

    private static void addStores(Topology topology, List<StoreBuilder<?>> stores, String processor) {
        for (StoreBuilder<?> store : stores) {
            topology.addStateStore(store, processor);
        }
    }
}
