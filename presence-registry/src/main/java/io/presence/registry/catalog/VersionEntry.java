package io.presence.registry.catalog;

/** One version of a subject: the schema id it holds and whether it was soft-deleted. */
public record VersionEntry(int version, int schemaId, boolean deleted) {
}
