package io.presence.registry.catalog;

import java.util.function.Consumer;

/**
 * Where the registry's records are stored. The catalog is rebuilt from it at every start, so it is
 * the registry's only state.
 */
public interface SchemaLog extends AutoCloseable {

    /** Feeds every stored record, oldest first, up to the end of the log as of this call. */
    void replay(Consumer<RegistryRecord> apply);

    /** Returns once the record is durable; throws {@link SchemaLogException} if that is not known. */
    void append(RegistryRecord record);

    @Override
    void close();
}
