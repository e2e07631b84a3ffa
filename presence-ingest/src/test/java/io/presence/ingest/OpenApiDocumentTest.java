package io.presence.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.presence.config.PresenceConfigLoader;
import io.presence.http.JsonInput;
import io.presence.schemas.registry.InMemorySchemaRegistry;
import io.presence.schemas.topics.Topics;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checked-in OpenAPI document stays true: it lists exactly the routes the service serves. */
class OpenApiDocumentTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteIsServed() throws Exception {
        IngestConfig config = IngestConfig.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_AUTH_SECRET", "s",
                // never contacted: the service is built, not started
                "PRESENCE_KAFKA_BOOTSTRAP", "localhost:1")));
        List<String> served;
        try (IngestService service = new IngestService(config, new Topics(config.topics(), new InMemorySchemaRegistry()), InstantSource.system())) {
            served = service.declaredRoutes();
        }
        assertThat(documentedRoutes()).containsExactlyInAnyOrderElementsOf(served);
    }

    private static List<String> documentedRoutes() throws Exception {
        JsonNode document;
        try (InputStream in = IngestService.class.getResourceAsStream("openapi.json")) {
            document = JsonInput.mapper().readTree(in);
        }
        assertThat(document.path("openapi").asText()).startsWith("3.");
        List<String> routes = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return routes;
    }
}
