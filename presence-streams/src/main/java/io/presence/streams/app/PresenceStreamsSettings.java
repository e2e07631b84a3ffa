package io.presence.streams.app;

import com.typesafe.config.Config;
import io.presence.config.CheckedConfig;
import io.presence.config.KafkaConnection;
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
        KafkaConnection kafka,
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

    public static PresenceStreamsSettings from(Config config) {
        CheckedConfig streams = CheckedConfig.of(config).at("presence.streams");
        return new PresenceStreamsSettings(
                KafkaConnection.fromConfig(config),
                config.getString("presence.schema-registry.url"),
                TopicLayout.fromConfig(config),
                streams.string("application-id"),
                streams.port("port"),
                stateDir(config),
                streams.atLeast("threads", 1),
                streams.atLeast("num-standby-replicas", 0),
                streams.positiveDuration("commit-interval"),
                streams.positiveDuration("session-timeout"),
                streams.string("instance-id"),
                streams.bytes("rocksdb.block-cache-size", 1),
                streams.bytes("rocksdb.write-buffer-size", 1),
                topology(config),
                QuerySettings.from(config));
    }

    private static TopologySettings topology(Config config) {
        CheckedConfig presence = CheckedConfig.of(config).at("presence");
        CheckedConfig streams = presence.at("streams");
        return new TopologySettings(timeouts(presence),
                new DetectorSettings(
                        streams.positiveDuration("detector.tick"),
                        streams.atLeast("detector.max-entries-per-tick", 1),
                        streams.atLeast("detector.max-input-lag", 0L)),
                presence.positiveDuration("subscription.retention"),
                new FanoutSettings(
                        presence.flag("features.friend-auto-notify"),
                        streams.positiveDuration("fanout.tick"),
                        streams.atLeast("fanout.max-recipients-per-turn", 1)));
    }

    private static Path stateDir(Config config) {
        String configured = config.getString("presence.streams.state-dir");
        // derived here, not by substitution in reference.conf, so PRESENCE_DATA_DIR moves it too
        Path dir = configured.isBlank() ? Path.of(config.getString("presence.data-dir"), "streams") : Path.of(configured);
        return dir.toAbsolutePath().normalize();
    }

    private static SessionTimeouts timeouts(CheckedConfig presence) {
        Map<Platform, Duration> byPlatform = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            presence.optionalPositiveDuration("heartbeat.timeout-by-platform." + platform.name().toLowerCase(Locale.ROOT))
                    .ifPresent(timeout -> byPlatform.put(platform, timeout));
        }
        Duration timeout = presence.positiveDuration("heartbeat.timeout");
        Duration retention = presence.positiveDuration("session.retention");
        // the one rule across keys: a session must outlive the connections it is made of
        return presence.checked("session.retention", () -> new SessionTimeouts(timeout, byPlatform, retention));
    }
}
