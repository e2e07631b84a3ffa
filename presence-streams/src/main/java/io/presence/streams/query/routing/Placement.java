package io.presence.streams.query.routing;

import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/** Where one key lives, as this instance's Kafka Streams metadata sees it right now. */
public sealed interface Placement {

    /**
     * The key's partition and the instances holding it.
     *
     * @param active   the instance with the active task, or {@link HostInfo#unavailable()} while none has it
     *                 (the partition is moving in a rebalance)
     * @param standbys instances holding a standby copy (possibly behind the active one)
     */
    record Located(int partition, HostInfo active, Set<HostInfo> standbys) implements Placement {
        public Located {
            Objects.requireNonNull(active, "active");
            standbys = Set.copyOf(standbys);
        }

        public boolean hasActive() {
            return !active.equals(HostInfo.unavailable());
        }
    }

    /** Nothing is known about the key's place (metadata not built yet, Streams not running); {@code reason} says why. */
    record Unknown(String reason) implements Placement {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
