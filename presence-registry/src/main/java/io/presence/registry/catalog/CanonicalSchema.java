package io.presence.registry.catalog;

import org.apache.avro.Schema;

/**
 * A parsed Avro schema and the text the registry stores and returns for it: Avro's own
 * {@code Schema.toString()}, as Confluent stores its canonical string.
 *
 * <p>Equality is the parsed schema's ({@link Schema#equals}, which includes properties but not docs),
 * so the compact text Java clients send and the pretty-printed .avsc other clients send are one schema.
 */
public final class CanonicalSchema {

    private final Schema schema;
    private final String text;

    private CanonicalSchema(Schema schema) {
        this.schema = schema;
        this.text = schema.toString();
    }

    public static CanonicalSchema parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: field 'schema' is missing or empty");
        }
        try {
            return new CanonicalSchema(new Schema.Parser().parse(text));
        } catch (RuntimeException | StackOverflowError e) {
            // Avro reports bad input with several unchecked types (SchemaParseException, AvroTypeException,
            // IllegalArgumentException...) and deep nesting can exhaust the stack: all are the client's
            // invalid schema, never our 500.
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
        }
    }

    public Schema schema() {
        return schema;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalSchema other && schema.equals(other.schema);
    }

    @Override
    public int hashCode() {
        return schema.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
