package io.presence.schemas.serde;

import io.presence.schemas.registry.SchemaRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry held in memory that counts calls, so serde tests can see what the hot path asks for. */
final class CountingSchemaRegistry implements SchemaRegistry {

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    int registerCalls;
    int lookupCalls;

    @Override
    public synchronized int register(String subject, Schema schema) {
        registerCalls++;
        return ids.computeIfAbsent(schema, s -> {
            int id = ids.size() + 1;
            schemas.put(id, s);
            return id;
        });
    }

    @Override
    public synchronized Schema schemaById(int id) {
        lookupCalls++;
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + id);
        }
        return schema;
    }
}
