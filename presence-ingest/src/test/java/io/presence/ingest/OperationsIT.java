package io.presence.ingest;

import static io.presence.ingest.IngestHttp.assertError;
import static io.presence.ingest.GatewayBodies.events;
import static io.presence.ingest.GatewayBodies.item;
import static io.presence.ingest.GatewayBodies.uniqueUser;
import static io.presence.ingest.IngestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.http.PortInUseException;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators see: health, metrics, the API document, unknown routes, a taken port. */
@ExtendWith(PresenceClusterExtension.class)
class OperationsIT {

    private static IngestCluster cluster;
    private static IngestService ingest;
    private static IngestHttp http;

    @BeforeAll
    static void start(PresenceCluster presence) {
        cluster = IngestCluster.of(presence);
        ingest = cluster.start(Map.of(), InstantSource.system());
        http = new IngestHttp(ingest.port());
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @Test
    void healthIsUpOnceKafkaAnswered() {
        org.awaitility.Awaitility.await().until(() -> http.get("/health").statusCode() == 200);
        assertThat(json(http.get("/health")).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsShowRequestsByRouteAndStatusLatencyHistogramsAndTheProducer() {
        http.postEvents(IngestCluster.GATEWAY_KEY, events(item("HEARTBEAT", uniqueUser(), "d", "c", null, null), "{}"));
        http.postEvents("wrong", "{\"events\":[]}");
        HttpResponse<String> metrics = http.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_bucket{method=\"POST\",route=\"/v1/events\",status=\"200\",le=")
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/events\",status=\"401\"}")
                .contains("presence_ingest_gateway_events_total{gateway=\"unnamed\",outcome=\"accepted\"}")
                .contains("presence_ingest_gateway_events_total{gateway=\"unnamed\",outcome=\"rejected\"}")
                .contains("kafka_producer_record_send_total");
    }

    @Test
    void theApiDocumentIsServed() {
        HttpResponse<String> document = http.get("/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(json(document).path("paths").has("/v1/events")).isTrue();
    }

    @Test
    void unknownRoutesAreJson404AndWrongMethodsJson405() {
        assertError(http.get("/v1/nope"), 404, 40401);
        assertError(http.get("/v1/events"), 405, 40501);
    }

    @Test
    void aTakenPortIsAClearStartUpError() {
        IngestService second = new IngestService(
                cluster.config(Map.of("PRESENCE_INGEST_PORT", Integer.toString(ingest.port()))), cluster.topics(), InstantSource.system());
        try {
            assertThatThrownBy(second::start).isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("port " + ingest.port() + " is already in use");
        } finally {
            second.close();
        }
    }
}
