package io.presence.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.presence.registry.catalog.CanonicalSchema;
import io.presence.registry.catalog.CompatibilityLevel;
import io.presence.registry.catalog.RegistryError;
import io.presence.registry.catalog.RegistryException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads request bodies and writes responses in the registry's media type.
 *
 * <p>Bodies are read as JSON whatever their Content-Type (clients send
 * {@code application/vnd.schemaregistry.v1+json}, {@code application/vnd.schemaregistry+json} or
 * {@code application/json}; Confluent answers 415 for anything else, we see no reason to). Unknown
 * fields are ignored: clients add {@code metadata}, {@code ruleSet}, {@code id}, {@code version}.
 * A body that is not a JSON object of the expected shape (unparseable, empty, a field of the wrong
 * type) is answered 400 with {@code error_code} 400, as Confluent's rest-utils does; a well-formed
 * body with an unusable value is 422 with the specific code (42201 schema, 42203 level).
 */
final class RegistryJson {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

    /** The body of register, lookup and compatibility requests. */
    private record SchemaRequest(String schema, String schemaType, List<JsonNode> references) {
    }

    /** The body of {@code PUT /config}, and its echo. */
    record LevelUpdate(String compatibility) {
    }

    /** Every error answer, as Confluent clients parse it. */
    private record ErrorBody(@JsonProperty("error_code") int errorCode, String message) {
    }

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    CanonicalSchema schema(Context ctx) {
        SchemaRequest request = read(ctx, SchemaRequest.class);
        if (request.schemaType() != null && !"AVRO".equals(request.schemaType().toUpperCase(Locale.ROOT))) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schemaType '" + request.schemaType()
                    + "': this registry stores AVRO schemas only");
        }
        if (request.references() != null && !request.references().isEmpty()) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA,
                    "Invalid schema: 'references' are not supported by this registry; inline the referenced types");
        }
        return CanonicalSchema.parse(request.schema());
    }

    CompatibilityLevel level(Context ctx) {
        return CompatibilityLevel.parse(read(ctx, LevelUpdate.class).compatibility());
    }

    void reply(Context ctx, Object body) {
        reply(ctx, 200, body);
    }

    void reply(Context ctx, int status, Object body) {
        ctx.status(status).contentType(MEDIA_TYPE).result(bytes(body));
    }

    /** A body that is JSON already (a stored schema), sent as it is. */
    void replyRaw(Context ctx, String body) {
        ctx.status(200).contentType(MEDIA_TYPE).result(body);
    }

    void replyError(Context ctx, int status, int errorCode, String message) {
        reply(ctx, status, new ErrorBody(errorCode, message));
    }

    void replyError(Context ctx, RegistryError error, String message) {
        replyError(ctx, error.httpStatus(), error.errorCode(), message);
    }

    byte[] errorBytes(int errorCode, String message) {
        return bytes(new ErrorBody(errorCode, message));
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response body", e);
        }
    }

    private <T> T read(Context ctx, Class<T> type) {
        try {
            T body = json.readValue(ctx.bodyAsBytes(), type);
            if (body == null) {
                throw new RegistryException(RegistryError.MALFORMED_REQUEST, "Invalid request body: expected a JSON object, got null");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new RegistryException(RegistryError.MALFORMED_REQUEST, "Invalid request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RegistryException(RegistryError.MALFORMED_REQUEST, "Invalid request body: " + e.getMessage());
        }
    }
}
