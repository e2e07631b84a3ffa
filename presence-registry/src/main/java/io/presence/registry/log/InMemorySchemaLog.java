package io.presence.registry.log;

import io.presence.registry.catalog.RegistryRecord;
import io.presence.registry.catalog.SchemaLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A log in memory, for tests of the REST contract (which does not depend on the storage). It
 * survives {@link #close()}, so a second registry on the same instance behaves like a restart.
 */
public final class InMemorySchemaLog implements SchemaLog {

    private final List<RegistryRecord> records = new ArrayList<>();

    @Override
    public synchronized void replay(Consumer<RegistryRecord> apply) {
        List.copyOf(records).forEach(apply);
    }

    @Override
    public synchronized void append(RegistryRecord record) {
        records.add(record);
    }

    @Override
    public void close() {
        // nothing to release, and the records must outlive the registry that wrote them
    }
}
