package io.presence.testkit;

import io.presence.schemas.registry.SchemaRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A producer one schema version ahead of the services: the record's schema plus an optional field at
 * the end (a BACKWARD-compatible change), registered under the topic's value subject — so its records
 * carry a schema id no service has seen, and decoding them needs the registry.
 */
public final class NewerSchemaWriter {

    private final int schemaId;

    private NewerSchemaWriter(int schemaId) {
        this.schemaId = schemaId;
    }

    /** Registers {@code current} plus an optional {@code traceId} under {@code topic}'s value subject. */
    public static NewerSchemaWriter registeredFor(SchemaRegistry registry, String topic, Schema current) {
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("traceId", Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "set by newer producers", Schema.Field.NULL_DEFAULT_VALUE));
        Schema newer = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
        return new NewerSchemaWriter(registry.register(SchemaRegistry.valueSubject(topic), newer));
    }

    /**
     * The same record in the newer schema, from its wire bytes in the current one: this schema id in the
     * header, and the null {@code traceId} appended (its union branch 0 is one byte; Avro writes fields in order).
     */
    public byte[] rewrite(byte[] currentWireFormat) {
        return ByteBuffer.allocate(currentWireFormat.length + 1).put(currentWireFormat)
                .putInt(1, schemaId).put(currentWireFormat.length, (byte) 0).array();
    }
}
