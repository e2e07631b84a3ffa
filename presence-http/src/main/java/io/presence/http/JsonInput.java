package io.presence.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.config.Key;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Collection;

/**
 * Reads request bodies strictly: one JSON value of the expected shape, no unknown fields, no
 * duplicate fields, no silent coercion ({@code "12"} is not a number, {@code 12} is not a string),
 * at most the edge's body limit — and turns every failure into 40001 with a message that names
 * the field, never a Java class.
 */
public final class JsonInput {

    static final Key<Long> MAX_REQUEST_BYTES = new Key<>("presence-max-request-bytes");

    private static final ObjectMapper MAPPER = strictMapper();

    private JsonInput() {
    }

    /** The strict mapper; thread-safe, shared. Use it to convert parts of a body (e.g. batch items). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The request body as {@code type}. The body is read from the stream at most to the edge's limit
     * (a chunked body has no Content-Length to check up front), so {@code ctx.body()} is empty afterwards.
     */
    public static <T> T read(Context ctx, Class<T> type) {
        byte[] body = boundedBody(ctx);
        if (body.length == 0) {
            throw ApiException.invalidParameter("request body is empty; expected a JSON object");
        }
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidParameter(describe(e));
        } catch (IOException e) {
            throw ApiException.invalidParameter("request body is not valid JSON");
        }
        if (value == null) {
            throw ApiException.invalidParameter("request body must be a JSON object, not null");
        }
        return value;
    }

    /** A client-facing description of why JSON did not fit, naming the field (e.g. {@code events[3].timestamp}). */
    public static String describe(JsonProcessingException e) {
        // a syntax error inside a list or field reaches us wrapped in a mapping exception with a path
        if (e.getCause() instanceof JsonParseException parse) {
            return describe(parse);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + path(unknown) + "'";
        }
        if (e instanceof MismatchedInputException mismatch) {
            String path = path(mismatch);
            return path.isEmpty()
                    ? "request body must be " + expected(mismatch.getTargetType())
                    : "field '" + path + "' must be " + expected(mismatch.getTargetType());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "field '" + path(mapping) + "' has an invalid value";
        }
        if (e instanceof JsonParseException parse && parse.getLocation() != null) {
            return "malformed JSON at line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ": " + withoutSourceReference(parse.getOriginalMessage());
        }
        return "malformed JSON: " + e.getOriginalMessage();
    }

    /** Jackson appends where a bracket opened as "(start marker at [Source: REDACTED …])": noise to a client. */
    private static String withoutSourceReference(String message) {
        int marker = message.indexOf(" (start marker at [Source:");
        return marker < 0 ? message : message.substring(0, marker);
    }

    private static byte[] boundedBody(Context ctx) {
        long limit = ctx.appData(MAX_REQUEST_BYTES);
        if (ctx.req().getContentLengthLong() > limit) {
            throw bodyTooLarge(limit);
        }
        byte[] body;
        try {
            body = ctx.bodyInputStream().readNBytes(Math.toIntExact(limit + 1));
        } catch (IOException e) {
            throw ApiException.invalidParameter("request body could not be read completely");
        }
        if (body.length > limit) {
            throw bodyTooLarge(limit);
        }
        return body;
    }

    static ApiException bodyTooLarge(long limit) {
        return ApiException.invalidParameter("request body is larger than the limit of " + limit + " bytes");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a JSON value of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }

    private static ObjectMapper strictMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }
}
