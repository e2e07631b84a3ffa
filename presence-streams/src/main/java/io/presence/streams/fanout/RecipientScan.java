package io.presence.streams.fanout;

import io.presence.avro.NotificationReason;
import java.util.NoSuchElementException;

/**
 * The recipients of a user's change after a cursor: the user's friends and subscribers, read from
 * the two indexes as sorted ranges and merged, so a recipient who is both is met once — as a
 * FRIEND, the closer tie (R-NOT-1). Holds two RocksDB iterators: close it.
 */
final class RecipientScan implements AutoCloseable {

    private final String userId;
    private final RelationIndex.Scan friends;
    private final RelationIndex.Scan subscribers;
    private String nextFriend;
    private String nextSubscriber;

    /**
     * @param friends null when friends are not notified (R-FRD-1 switch off)
     * @param after   the last recipient already told; null to start at the first
     */
    RecipientScan(String userId, String after, RelationIndex friends, RelationIndex subscribers) {
        this.userId = userId;
        this.friends = friends == null ? null : friends.othersAfter(userId, after);
        this.subscribers = subscribers.othersAfter(userId, after);
        this.nextFriend = advance(this.friends);
        this.nextSubscriber = advance(this.subscribers);
    }

    boolean hasNext() {
        return nextFriend != null || nextSubscriber != null;
    }

    Recipient next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        // ids are ASCII (SPEC §1), so String order is the indexes' byte order
        int order = nextSubscriber == null ? -1 : nextFriend == null ? 1 : nextFriend.compareTo(nextSubscriber);
        Recipient recipient = order <= 0
                ? new Recipient(nextFriend, NotificationReason.FRIEND)
                : new Recipient(nextSubscriber, NotificationReason.SUBSCRIBER);
        if (order <= 0) {
            nextFriend = advance(friends);
        }
        if (order >= 0) {
            nextSubscriber = advance(subscribers);
        }
        return recipient;
    }

    /** The next id of {@code scan} that is not the user itself (which is told first, as SELF). */
    private String advance(RelationIndex.Scan scan) {
        while (scan != null && scan.hasNext()) {
            String id = scan.next();
            if (!id.equals(userId)) {
                return id;
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (friends != null) {
            friends.close();
        }
        subscribers.close();
    }
}
