package io.presence.registry.catalog;

/**
 * What the registry writes to its log; the catalog is the fold of these records
 * ({@link SchemaCatalog#apply}). Each record states a fact about one key (a schema id, a subject's
 * version, a level), so a compacted log that keeps only the last record per key folds to the same
 * catalog.
 */
public sealed interface RegistryRecord {

    /** Schema id {@code id} is {@code schema}. Never removed: old data on other topics keeps its id forever. */
    record SchemaAdded(int id, String schema) implements RegistryRecord {
    }

    /** Version {@code version} of {@code subject} holds schema {@code schemaId}; {@code deleted} = soft-deleted. */
    record VersionWritten(String subject, int version, int schemaId, boolean deleted) implements RegistryRecord {
    }

    /** The version was permanently deleted (a tombstone in the Kafka log). */
    record VersionPurged(String subject, int version) implements RegistryRecord {
    }

    record GlobalLevelSet(CompatibilityLevel level) implements RegistryRecord {
    }

    record SubjectLevelSet(String subject, CompatibilityLevel level) implements RegistryRecord {
    }

    /** The subject follows the global level again (a tombstone in the Kafka log). */
    record SubjectLevelCleared(String subject) implements RegistryRecord {
    }
}
