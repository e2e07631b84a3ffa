package io.presence.notifier.delivery;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partitions of {@code presence.notifications} this instance's consumer holds now. Recipients of
 * these partitions are served here: their sockets, their push retries.
 */
public final class OwnedPartitions {

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

    public boolean owns(int partition) {
        return owned.contains(partition);
    }

    public void add(Collection<Integer> partitions) {
        owned.addAll(partitions);
    }

    public void remove(Collection<Integer> partitions) {
        owned.removeAll(partitions);
    }

    public Set<Integer> snapshot() {
        return Set.copyOf(owned);
    }
}
