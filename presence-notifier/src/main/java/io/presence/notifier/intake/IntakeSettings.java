package io.presence.notifier.intake;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.presence.config.CheckedConfig;
import java.time.Duration;
import java.util.Set;

/**
 * How the notifier consumes {@code presence.notifications}.
 *
 * @param groupId          the consumer group every instance of one deployment shares
 * @param autoOffsetReset  where a group without committed offsets starts: earliest or latest
 * @param commitInterval   how often finished offsets are committed
 * @param maxInFlight      consumed-but-unfinished notifications above which consumption pauses
 * @param sessionTimeout   how long the group waits for a crashed instance before its partitions move
 * @param deliveryThreads  threads that decode notifications and write them to sockets, a recipient always on the same one
 */
public record IntakeSettings(String groupId, String autoOffsetReset, Duration commitInterval, int maxInFlight, Duration sessionTimeout,
                             int deliveryThreads) {

    public IntakeSettings {
        if (!Set.of("earliest", "latest").contains(autoOffsetReset)) {
            throw new ConfigException.BadValue("presence.notifier.auto-offset-reset", "must be earliest or latest, was " + autoOffsetReset);
        }
    }

    public static IntakeSettings from(Config config) {
        CheckedConfig notifier = CheckedConfig.of(config).at("presence.notifier");
        return new IntakeSettings(
                notifier.string("group-id"),
                notifier.string("auto-offset-reset"),
                notifier.positiveDuration("commit-interval"),
                notifier.atLeast("max-in-flight", 1),
                notifier.positiveDuration("session-timeout"),
                deliveryThreadsOf(notifier.atLeast("delivery-threads", 0)));
    }

    /** 0 means one per core: socket writes are system calls, so more threads than cores only queue. */
    private static int deliveryThreadsOf(int configured) {
        return configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
    }
}
