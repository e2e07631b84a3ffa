package io.presence.bench.ingest;

import io.presence.bench.cluster.BenchCluster;
import io.presence.config.PresenceConfigLoader;
import io.presence.ingest.IngestConfig;
import io.presence.ingest.IngestService;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;

/**
 * The real presence-ingest service in the bench's JVM, on a free port, configured through the SPEC
 * §10 loader for the run's cluster with a random gateway API key; and a gateway client of it.
 */
public final class InProcessIngest implements AutoCloseable {

    private final IngestService service;
    private final GatewayClient gateway;

    private InProcessIngest(IngestService service, String apiKey) {
        this.service = service;
        this.gateway = new GatewayClient(service.port(), apiKey);
    }

    public static InProcessIngest start(BenchCluster cluster) {
        String apiKey = "presence-bench-" + UUID.randomUUID();
        IngestConfig config = IngestConfig.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", cluster.bootstrap(),
                "PRESENCE_SCHEMA_REGISTRY_URL", cluster.registryUrl(),
                "PRESENCE_AUTH_SECRET", UUID.randomUUID().toString(),
                "PRESENCE_GATEWAY_API_KEYS", apiKey,
                "PRESENCE_INGEST_PORT", "0",
                "PRESENCE_INGEST_INSTANCE_ID", "presence-bench-ingest")));
        return new InProcessIngest(new IngestService(config, cluster.topics(), InstantSource.system()).start(), apiKey);
    }

    /** {@code POST /v1/events} of this ingest, as a gateway calls it. */
    public GatewayClient gateway() {
        return gateway;
    }

    @Override
    public void close() {
        service.close();
    }
}
