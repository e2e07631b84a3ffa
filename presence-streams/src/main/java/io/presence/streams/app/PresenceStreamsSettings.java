package io.presence.streams.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.presence.schemas.topics.TopicLayout;
import io.presence.streams.fanout.FanoutSettings;
import io.presence.streams.query.QuerySettings;
import io.presence.streams.session.Platform;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.SessionTimeouts;
import io.presence.streams.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the streams service reads from the SPEC §10 configuration, read once at start-up.
 *
 * @param stateDir        where RocksDB keeps the stores
 * @param blockCacheBytes one block cache shared by every store: the bound on RocksDB's memory
 * @param writeBufferBytes the part of it memtables may take
 * @param commitInterval  Kafka Streams' commit.interval.ms: under exactly-once, the most a change waits to become visible
 * @param sessionTimeout  how long the group waits for a crashed instance before its tasks move: until then its
 *                        users' expiries, changes and notifications wait, and standbys answer their queries
 * @param instanceId      this instance's static group membership name ({@code group.instance.id}), or empty for
 *                        dynamic membership: with one, the instance restarted after a crash takes its tasks back
 *                        at once instead of after the session timeout
 * @param query           the query API: access rules and how keys are routed between instances
 */
public record PresenceStreamsSettings(
        String bootstrap,
        String registryUrl,
        TopicLayout topics,
        String applicationId,
        int port,
        Path stateDir,
        int threads,
        int standbyReplicas,
        Duration commitInterval,
        Duration sessionTimeout,
        String instanceId,
        long blockCacheBytes,
        long writeBufferBytes,
        TopologySettings topology,
        QuerySettings query) {

    public PresenceStreamsSettings {
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new ConfigException.BadValue("presence.streams.commit-interval", "must be positive, was " + commitInterval);
        }
    }

    public static PresenceStreamsSettings from(Config config) {
        Config streams = config.getConfig("presence.streams");
        return new PresenceStreamsSettings(
                config.getString("presence.kafka.bootstrap"),
                config.getString("presence.schema-registry.url"),
                TopicLayout.fromConfig(config),
                streams.getString("application-id"),
                streams.getInt("port"),
                stateDir(config),
                streams.getInt("threads"),
                streams.getInt("num-standby-replicas"),
                streams.getDuration("commit-interval"),
                streams.getDuration("session-timeout"),
                streams.getString("instance-id").strip(),
                streams.getBytes("rocksdb.block-cache-size"),
                streams.getBytes("rocksdb.write-buffer-size"),
                topology(config),
                QuerySettings.from(config));
    }

    private static TopologySettings topology(Config config) {
        Config streams = config.getConfig("presence.streams");
        return new TopologySettings(timeouts(config),
                new DetectorSettings(
                        streams.getDuration("detector.tick"),
                        streams.getInt("detector.max-entries-per-tick"),
                        streams.getLong("detector.max-input-lag")),
                config.getDuration("presence.subscription.retention"),
                new FanoutSettings(
                        config.getBoolean("presence.features.friend-auto-notify"),
                        streams.getDuration("fanout.tick"),
                        streams.getInt("fanout.max-recipients-per-turn")));
    }

    private static Path stateDir(Config config) {
        String configured = config.getString("presence.streams.state-dir");
        // derived here, not by substitution in reference.conf, so PRESENCE_DATA_DIR moves it too
        Path dir = configured.isBlank() ? Path.of(config.getString("presence.data-dir"), "streams") : Path.of(configured);
        return dir.toAbsolutePath().normalize();
    }

    private static SessionTimeouts timeouts(Config config) {
        Map<Platform, Duration> byPlatform = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            String path = "presence.heartbeat.timeout-by-platform." + platform.name().toLowerCase(Locale.ROOT);
            if (!config.getString(path).isBlank()) {
                byPlatform.put(platform, config.getDuration(path));
            }
        }
        return new SessionTimeouts(config.getDuration("presence.heartbeat.timeout"), byPlatform,
                config.getDuration("presence.session.retention"));
    }
}
