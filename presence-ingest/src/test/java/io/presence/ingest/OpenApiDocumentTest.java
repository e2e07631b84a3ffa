package io.presence.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.config.PresenceConfigLoader;
import io.presence.http.OpenApiDocument;
import io.presence.schemas.registry.InMemorySchemaRegistry;
import io.presence.schemas.topics.Topics;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checked-in OpenAPI document stays true: it lists exactly the routes the service serves. */
class OpenApiDocumentTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        IngestConfig config = IngestConfig.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_AUTH_SECRET", "s",
                // never contacted: the service is built, not started
                "PRESENCE_KAFKA_BOOTSTRAP", "localhost:1")));
        List<String> served;
        try (IngestService service = new IngestService(config, new Topics(config.topics(), new InMemorySchemaRegistry()), InstantSource.system())) {
            served = service.declaredRoutes();
        }
        assertThat(OpenApiDocument.nextTo(IngestService.class).routes()).containsExactlyInAnyOrderElementsOf(served);
    }
}
