package io.presence.notifier.intake;

import java.util.Set;

/** Told when partitions of {@code presence.notifications} come to or leave this instance. Called on the consumer thread. */
public interface PartitionOwnership {

    void assigned(Set<Integer> partitions);

    /** Called before the partitions' finished offsets are committed; what is still in flight for them is left to the new owner. */
    void revoked(Set<Integer> partitions);
}
