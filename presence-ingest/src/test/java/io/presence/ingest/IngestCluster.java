package io.presence.ingest;

import io.presence.config.PresenceConfigLoader;
import io.presence.schemas.topics.Topics;
import io.presence.testkit.PresenceCluster;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ingest configured against the test cluster (broker, registry, topics), plus the catalogue to read back with. */
public record IngestCluster(String bootstrap, String registryUrl, Topics topics) {

    public static final String GATEWAY_KEY = "gw-test-key";
    /** A key given a name ({@code name:key}): the gateway fleet its events come from. */
    public static final String NAMED_GATEWAY = "eu-west";
    public static final String NAMED_GATEWAY_KEY = "gw-eu-west-key";

    public static IngestCluster of(PresenceCluster cluster) {
        return new IngestCluster(cluster.bootstrapServers(), cluster.registryUrl(), cluster.topics());
    }

    /** Ingest on a free port with the test secret and gateway key; {@code env} overrides like real environment variables. */
    IngestConfig config(Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("PRESENCE_KAFKA_BOOTSTRAP", bootstrap);
        all.put("PRESENCE_SCHEMA_REGISTRY_URL", registryUrl);
        all.put("PRESENCE_AUTH_SECRET", TestTokens.SECRET);
        all.put("PRESENCE_GATEWAY_API_KEYS", "other-key," + GATEWAY_KEY + "," + NAMED_GATEWAY + ":" + NAMED_GATEWAY_KEY);
        all.put("PRESENCE_INGEST_PORT", "0");
        all.put("PRESENCE_INGEST_INSTANCE_ID", "ingest-it");
        all.put("PRESENCE_INGEST_HEALTH_CHECK_INTERVAL", "500ms");
        all.putAll(env);
        return IngestConfig.from(PresenceConfigLoader.load(all));
    }

    public IngestService start(Map<String, String> env, InstantSource clock) {
        return new IngestService(config(env), topics, clock).start();
    }
}
