package io.presence.registry;

import static io.presence.registry.TestSchemas.USER_V1;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.registry.RegistryClient.Reply;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest extends RegistryServerTest {

    @Test
    void theRootIsAnEmptyObject() {
        Reply reply = client.get("/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw()).isEqualTo("{}");
    }

    @Test
    void healthIsUpOnceLoaded() {
        Reply reply = client.get("/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void schemaTypesIsAvroOnly() {
        assertThat(client.get("/schemas/types").raw()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void metricsCountRequestsByMethodRouteAndStatus() {
        registered("users-value", USER_V1);
        client.get("/subjects/nobody-value/versions");
        client.get("/no/such/route");

        Reply reply = client.get("/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        assertThat(reply.raw())
                .contains("registry_http_requests_total{method=\"POST\",route=\"/subjects/{subject}/versions\",status=\"200\"} 1.0")
                .contains("registry_http_requests_total{method=\"GET\",route=\"/subjects/{subject}/versions\",status=\"404\"} 1.0")
                .contains("registry_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1.0");
    }
}
