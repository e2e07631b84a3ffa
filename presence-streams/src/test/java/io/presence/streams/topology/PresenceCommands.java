package io.presence.streams.topology;

import io.presence.avro.FriendshipEvent;
import io.presence.avro.FriendshipEventType;
import io.presence.avro.SubscriptionCommand;
import io.presence.avro.SubscriptionCommandType;
import java.time.Instant;
import java.util.List;

/**
 * Subscription commands as ingest writes them and friendship events as the friend service does,
 * for driver and integration tests. Ids c1, c2, … per instance.
 */
public final class PresenceCommands {

    private final String prefix;
    private int nextId = 1;

    public PresenceCommands() {
        this("c");
    }

    /** @param prefix makes event ids unique across tests that share a broker */
    public PresenceCommands(String prefix) {
        this.prefix = prefix;
    }

    public SubscriptionCommand subscribe(String subscriber, long at, String... targets) {
        return command(SubscriptionCommandType.SUBSCRIBE, subscriber, at, List.of(targets));
    }

    public SubscriptionCommand subscribe(String subscriber, long at, List<String> targets) {
        return command(SubscriptionCommandType.SUBSCRIBE, subscriber, at, targets);
    }

    public SubscriptionCommand unsubscribe(String subscriber, long at, String... targets) {
        return command(SubscriptionCommandType.UNSUBSCRIBE, subscriber, at, List.of(targets));
    }

    public SubscriptionCommand clear(String subscriber, long at) {
        return command(SubscriptionCommandType.CLEAR, subscriber, at, List.of());
    }

    public SubscriptionCommand command(SubscriptionCommandType type, String subscriber, long at, List<String> targets) {
        return new SubscriptionCommand(prefix + nextId++, Instant.ofEpochMilli(at), "ingest-1", type, subscriber, targets);
    }

    public FriendshipEvent befriend(String user, String friend, long at) {
        return friendship(FriendshipEventType.ADDED, user, friend, at);
    }

    public FriendshipEvent unfriend(String user, String friend, long at) {
        return friendship(FriendshipEventType.REMOVED, user, friend, at);
    }

    private FriendshipEvent friendship(FriendshipEventType type, String user, String friend, long at) {
        return new FriendshipEvent(prefix + nextId++, Instant.ofEpochMilli(at), "friends-1", type, user, friend);
    }
}
