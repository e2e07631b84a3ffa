package io.presence.ingest;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.presence.config.CheckedConfig;
import io.presence.config.KafkaConnection;
import io.presence.http.CorsOrigins;
import io.presence.http.auth.ClientTokenRules;
import io.presence.http.ratelimit.RateLimit;
import io.presence.schemas.topics.TimestampLead;
import io.presence.schemas.topics.TopicLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/** Everything presence-ingest reads from the SPEC §10 configuration, read once at start-up. */
public record IngestConfig(
        int port,
        String instanceId,
        KafkaConnection kafka,
        String schemaRegistryUrl,
        TopicLayout topics,
        ClientTokenRules clientTokens,
        String gatewayApiKeys,
        boolean queryAndSubscribeEnabled,
        RateLimit rateLimit,
        CorsOrigins cors,
        long maxRequestBytes,
        int maxBatchEvents,
        int maxSubscriptionIds,
        Duration maxClockSkew,
        Duration kafkaWriteTimeout,
        Duration healthCheckInterval,
        Duration shutdownGrace) {


    public IngestConfig {
        if (maxClockSkew.compareTo(TimestampLead.MAX) > 0) {
            throw new ConfigException.BadValue("presence.ingest.max-clock-skew", "it is " + maxClockSkew.toSeconds()
                    + " s; it must be at most " + TimestampLead.MAX.toSeconds() + " s, since presence-streams refuses"
                    + " events dated further ahead of their Kafka record");
        }
    }

    public static IngestConfig from(Config config) {
        CheckedConfig ingest = CheckedConfig.of(config).at("presence.ingest");
        return new IngestConfig(
                ingest.port("port"),
                instanceId(ingest.string("instance-id")),
                KafkaConnection.fromConfig(config),
                config.getString("presence.schema-registry.url"),
                TopicLayout.fromConfig(config),
                ClientTokenRules.fromConfig(config),
                config.getString("presence.gateway.api-keys"),
                config.getBoolean("presence.features.query-and-subscribe"),
                RateLimit.fromConfig(config),
                CorsOrigins.fromConfig(config),
                ingest.bytes("max-request-size", 1),
                ingest.atLeast("max-batch-events", 1),
                ingest.atLeast("max-subscription-ids", 1),
                ingest.nonNegativeDuration("max-clock-skew"),
                ingest.positiveDuration("kafka-write-timeout"),
                ingest.positiveDuration("health-check-interval"),
                ingest.nonNegativeDuration("shutdown-grace"));
    }

    private static String instanceId(String configured) {
        if (!configured.isBlank()) {
            return configured;
        }
        try {
            return "ingest-" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // a host without a resolvable name still needs a stable-enough source id
            return "ingest-" + ProcessHandle.current().pid();
        }
    }
}
