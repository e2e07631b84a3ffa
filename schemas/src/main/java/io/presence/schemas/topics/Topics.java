package io.presence.schemas.topics;

import io.presence.avro.FriendshipEvent;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.StatusNotification;
import io.presence.avro.SubscriptionCommand;
import io.presence.avro.UserStatus;
import io.presence.schemas.registry.SchemaRegistry;
import io.presence.schemas.serde.AvroWireSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic catalogue: each topic of SPEC §2 with its key and value serde. Built once at
 * start-up from the layout (config) and the registry; immutable.
 *
 * <p>Keys are plain UTF-8 ids, not registry-encoded (SPEC §2). The dead-letter topic keeps the
 * original bytes, so its serdes are raw.
 */
public final class Topics {

    private final TopicLayout layout;
    private final Topic<String, PresenceEvent> events;
    private final Topic<String, SubscriptionCommand> subscriptions;
    private final Topic<String, FriendshipEvent> friendships;
    private final Topic<String, UserStatus> status;
    private final Topic<String, StatusChange> statusChanges;
    private final Topic<String, StatusNotification> notifications;
    private final Topic<byte[], byte[]> dlq;

    public Topics(TopicLayout layout, SchemaRegistry registry) {
        this.layout = layout;
        this.events = avro(layout.events(), registry, PresenceEvent.class);
        this.subscriptions = avro(layout.subscriptions(), registry, SubscriptionCommand.class);
        this.friendships = avro(layout.friendships(), registry, FriendshipEvent.class);
        this.status = avro(layout.status(), registry, UserStatus.class);
        this.statusChanges = avro(layout.statusChanges(), registry, StatusChange.class);
        this.notifications = avro(layout.notifications(), registry, StatusNotification.class);
        this.dlq = new Topic<>(layout.dlq(), Serdes.ByteArray(), Serdes.ByteArray());
    }

    public TopicLayout layout() {
        return layout;
    }

    public Topic<String, PresenceEvent> events() {
        return events;
    }

    public Topic<String, SubscriptionCommand> subscriptions() {
        return subscriptions;
    }

    public Topic<String, FriendshipEvent> friendships() {
        return friendships;
    }

    public Topic<String, UserStatus> status() {
        return status;
    }

    public Topic<String, StatusChange> statusChanges() {
        return statusChanges;
    }

    public Topic<String, StatusNotification> notifications() {
        return notifications;
    }

    public Topic<byte[], byte[]> dlq() {
        return dlq;
    }

    private static <V extends org.apache.avro.specific.SpecificRecord> Topic<String, V> avro(
            TopicSpec spec, SchemaRegistry registry, Class<V> type) {
        Serde<V> values = new AvroWireSerde<>(registry, type);
        return new Topic<>(spec, Serdes.String(), values);
    }
}
