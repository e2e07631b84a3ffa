package io.presence.streams.query;

import com.typesafe.config.Config;
import io.presence.config.CheckedConfig;
import io.presence.http.CorsOrigins;
import io.presence.http.auth.ClientTokenRules;
import io.presence.http.ratelimit.RateLimit;
import io.presence.streams.query.routing.InternalKey;
import io.presence.streams.query.routing.RoutingSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.LoggerFactory;

/**
 * The query API's configuration (SPEC §5, §9), read once at start-up.
 *
 * @param othersEnabled    {@code presence.features.query-and-subscribe}: may a caller query anyone but itself
 * @param othersLimit      the per-caller limit on queries of others
 * @param advertisedHost   the host other instances reach this one at (part of {@code application.server})
 * @param advertisedPort   the port they reach it at; 0 means the port the HTTP edge listens on
 * @param internalKey      the key(s) of the internal lookup, configured or derived from the auth secret
 * @param unavailableRetryAfter the {@code Retry-After} of a 50301
 * @param cors             the web origins whose pages may query from a browser
 */
public record QuerySettings(ClientTokenRules clientTokens, boolean othersEnabled, RateLimit othersLimit, int maxIds,
                            String advertisedHost, int advertisedPort, InternalKey internalKey, RoutingSettings routing,
                            Duration unavailableRetryAfter, CorsOrigins cors) {

    public static QuerySettings from(Config config) {
        CheckedConfig streams = CheckedConfig.of(config).at("presence.streams");
        CheckedConfig query = streams.at("query");
        ClientTokenRules clientTokens = ClientTokenRules.fromConfig(config);
        return new QuerySettings(
                clientTokens,
                config.getBoolean("presence.features.query-and-subscribe"),
                RateLimit.fromConfig(config),
                query.atLeast("max-ids", 1),
                advertisedHost(streams.string("advertised-host")),
                streams.port("advertised-port"),
                streams.checked("internal-key", () -> InternalKey.configuredOrDerived(streams.string("internal-key"), clientTokens.secret())),
                new RoutingSettings(query.positiveDuration("peer-timeout"), query.atLeast("active-attempts", 1),
                        query.nonNegativeDuration("retry-backoff"), query.flag("standby-reads"),
                        query.positiveDuration("failing-peer-pause")),
                query.positiveDuration("unavailable-retry-after"),
                CorsOrigins.fromConfig(config));
    }

    /** This instance's {@code application.server}, once the HTTP edge listens on {@code boundPort}. */
    public HostInfo advertisedServer(int boundPort) {
        return new HostInfo(advertisedHost, advertisedPort == 0 ? boundPort : advertisedPort);
    }

    private static String advertisedHost(String configured) {
        if (!configured.isBlank()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // a machine whose own name does not resolve can still serve a single instance locally
            LoggerFactory.getLogger(QuerySettings.class).warn("this machine's host name does not resolve ({});"
                    + " advertising 'localhost': set presence.streams.advertised-host when running several instances", e.getMessage());
            return "localhost";
        }
    }
}
