package io.presence.schemas.registry;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for TopologyTestDriver tests and benchmarks that need serdes without a
 * registry server. It counts calls, so tests can see what the hot path asks for.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    private int registerCalls;
    private int lookupCalls;

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
            throw new SchemaRegistryException(404, 40403, "schema id " + id + " not found", null);
        }
        return schema;
    }

    public synchronized int registerCalls() {
        return registerCalls;
    }

    public synchronized int lookupCalls() {
        return lookupCalls;
    }
}
