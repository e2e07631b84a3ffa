package io.presence.registry.catalog;

/** Where a schema id is used: {@code GET /schemas/ids/{id}/versions}. */
public record VersionRef(String subject, int version) {
}
