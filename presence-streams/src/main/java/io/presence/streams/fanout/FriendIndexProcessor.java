package io.presence.streams.fanout;

import io.presence.avro.FriendshipEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps the friend index ({@code user | friend → since}) from {@code presence.friendships}. The
 * friend service writes each side once, keyed by that side, so each record already sits in the
 * partition of the user whose friends it lists: no re-keying. Idempotent: an ADDED for a friend
 * held, or a REMOVED for one not held, changes nothing.
 */
public final class FriendIndexProcessor implements Processor<String, FriendshipEvent, Void, Void> {

    private RelationIndex friends;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        friends = new RelationIndex(context.getStateStore(RelationIndex.FRIENDS));
    }

    @Override
    public void process(Record<String, FriendshipEvent> record) {
        FriendshipEvent event = record.value();
        switch (event.getType()) {
            case ADDED -> friends.putIfAbsent(event.getUserId(), event.getFriendId(), event.getTimestamp().toEpochMilli());
            case REMOVED -> friends.remove(event.getUserId(), event.getFriendId());
        }
    }
}
