package io.presence.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service's checked-in OpenAPI 3 document ({@code openapi.json} next to the service's class), served
 * at {@code GET /openapi.json}. {@link #routes()} lists what it documents, so a test can hold it to
 * exactly the routes the service serves.
 */
public final class OpenApiDocument {

    public static final String PATH = "/openapi.json";
    private static final String RESOURCE = "openapi.json";

    private final byte[] document;

    private OpenApiDocument(byte[] document) {
        this.document = document;
    }

    /** The {@code openapi.json} resource in {@code service}'s package. */
    public static OpenApiDocument nextTo(Class<?> service) {
        try (InputStream in = service.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + service.getName());
            }
            return new OpenApiDocument(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " next to " + service.getName(), e);
        }
    }

    public void serveOn(Javalin app) {
        app.get(PATH, ctx -> ctx.contentType("application/json").result(document));
    }

    /** Every operation the document lists, as {@code "METHOD /path"} (the form of {@link HttpEdge#routes()}). */
    public List<String> routes() {
        JsonNode root;
        try {
            root = JsonInput.mapper().readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.json is not JSON", e);
        }
        List<String> routes = new ArrayList<>();
        root.path("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return routes;
    }
}
