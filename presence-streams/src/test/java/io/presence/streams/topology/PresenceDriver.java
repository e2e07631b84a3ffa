package io.presence.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.presence.avro.FriendshipEvent;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.StatusNotification;
import io.presence.avro.SubscriptionCommand;
import io.presence.avro.UserStatus;
import io.presence.schemas.registry.InMemorySchemaRegistry;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.Topics;
import io.presence.streams.metrics.PresenceMeters;
import io.presence.streams.session.UserPresence;
import io.presence.streams.status.UserStatusStore;
import io.presence.streams.timeout.TimeoutDetectorProcessor;
import io.presence.streams.subscription.SubscriptionLedgerStore;
import io.presence.streams.subscription.SubscriptionList;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The topology in a TopologyTestDriver with mocked wall clock, the in-memory registry and a
 * backlog the test sets. Proposals the detector writes to presence.events are read back by the
 * driver like any input, as the broker would deliver them.
 */
final class PresenceDriver implements AutoCloseable {

    /** The driver's wall clock at start; event timestamps in tests are offsets from it. */
    static final long T0 = 1_750_000_000_000L;

    final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    final AtomicLong recordsBehind = new AtomicLong();
    final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    final Topics topics = new Topics(new TopicLayout(1, 1, 1, (short) 1), registry);
    final TopologyTestDriver driver;
    final TestInputTopic<String, PresenceEvent> events;
    final TestInputTopic<byte[], byte[]> rawEvents;
    final TestOutputTopic<String, UserStatus> status;
    final TestOutputTopic<String, StatusChange> statusChanges;
    final TestOutputTopic<String, PresenceEvent> eventsWritten;
    final TestOutputTopic<byte[], byte[]> dlq;
    final TestInputTopic<String, SubscriptionCommand> subscriptions;
    final TestInputTopic<byte[], byte[]> rawSubscriptions;
    final TestOutputTopic<String, SubscriptionCommand> subscriptionsWritten;
    final TestInputTopic<String, FriendshipEvent> friendships;
    final TestOutputTopic<String, StatusNotification> notifications;
    private Duration elapsed = Duration.ZERO;

    PresenceDriver(TopologySettings settings, Path stateDir) {
        this(settings, stateDir, StreamsConfig.EXACTLY_ONCE_V2);
    }

    PresenceDriver(TopologySettings settings, Path stateDir, String processingGuarantee) {
        PresenceMeters meters = new PresenceMeters(meterRegistry);
        Properties props = ProcessingConfig.properties("presence-streams-test", meters);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        driver = new TopologyTestDriver(PresenceTopology.build(settings, topics, meters, partition -> recordsBehind.get()),
                props, Instant.ofEpochMilli(T0));
        var e = topics.events();
        events = driver.createInputTopic(e.name(), e.keySerde().serializer(), e.valueSerde().serializer());
        rawEvents = driver.createInputTopic(e.name(), new ByteArraySerializer(), new ByteArraySerializer());
        eventsWritten = driver.createOutputTopic(e.name(), e.keySerde().deserializer(), e.valueSerde().deserializer());
        status = driver.createOutputTopic(topics.status().name(), topics.status().keySerde().deserializer(),
                topics.status().valueSerde().deserializer());
        statusChanges = driver.createOutputTopic(topics.statusChanges().name(),
                topics.statusChanges().keySerde().deserializer(), topics.statusChanges().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        var s = topics.subscriptions();
        subscriptions = driver.createInputTopic(s.name(), s.keySerde().serializer(), s.valueSerde().serializer());
        rawSubscriptions = driver.createInputTopic(s.name(), new ByteArraySerializer(), new ByteArraySerializer());
        subscriptionsWritten = driver.createOutputTopic(s.name(), s.keySerde().deserializer(), s.valueSerde().deserializer());
        var f = topics.friendships();
        friendships = driver.createInputTopic(f.name(), f.keySerde().serializer(), f.valueSerde().serializer());
        var n = topics.notifications();
        notifications = driver.createOutputTopic(n.name(), n.keySerde().deserializer(), n.valueSerde().deserializer());
    }

    /** Writes events as a gateway would, each with its own timestamp as the record timestamp. */
    void pipe(PresenceEvent... input) {
        for (PresenceEvent event : input) {
            events.pipeInput(new TestRecord<>(event.getUserId(), event, event.getTimestamp()));
        }
    }

    /** Moves the wall clock to {@code T0 + offset}; due punctuations fire once. */
    void wallClockAt(Duration offset) {
        long target = T0 + offset.toMillis();
        long now = T0 + elapsed.toMillis();
        if (target < now) {
            throw new IllegalArgumentException("the wall clock cannot go back");
        }
        driver.advanceWallClockTime(Duration.ofMillis(target - now));
        elapsed = offset;
    }

    /** Writes commands as ingest would, keyed by subscriber, each with its own timestamp. */
    void pipe(SubscriptionCommand... input) {
        for (SubscriptionCommand command : input) {
            subscriptions.pipeInput(new TestRecord<>(command.getSubscriberId(), command, command.getTimestamp()));
        }
    }

    /** Writes friendship events as the friend service would, keyed by the side they are about. */
    void pipe(FriendshipEvent... input) {
        for (FriendshipEvent event : input) {
            friendships.pipeInput(new TestRecord<>(event.getUserId(), event, event.getTimestamp()));
        }
    }

    /** The subscriber's list in the ledger store, oldest first; empty when it has none. */
    List<String> subscriptionsOf(String subscriberId) {
        KeyValueStore<String, SubscriptionList> ledger = driver.getKeyValueStore(SubscriptionLedgerStore.NAME);
        SubscriptionList list = ledger.get(subscriberId);
        return list == null ? List.of() : list.targetIds();
    }

    List<StatusNotification> notified() {
        return notifications.readValuesToList();
    }

    UserPresence storedState(String userId) {
        KeyValueStore<String, UserPresence> store = driver.getKeyValueStore(UserStatusStore.NAME);
        return store.get(userId);
    }

    /** Entries in the timeout detector's time index. */
    long deadlineEntries() {
        KeyValueStore<Object, Object> index = driver.getKeyValueStore(TimeoutDetectorProcessor.DEADLINES);
        long count = 0;
        try (var all = index.all()) {
            for (; all.hasNext(); all.next()) {
                count++;
            }
        }
        return count;
    }

    List<UserStatus> statuses() {
        return status.readValuesToList();
    }

    List<StatusChange> changes() {
        return statusChanges.readValuesToList();
    }

    /** Proposals the detector wrote, i.e. what presence.events received besides the test's own input. */
    List<PresenceEvent> proposals() {
        return eventsWritten.readValuesToList();
    }

    double counter(String name, String... tags) {
        Counter counter = meterRegistry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    double gauge(String name, String... tags) {
        Gauge gauge = meterRegistry.find(name).tags(tags).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    @Override
    public void close() {
        driver.close();
    }
}
