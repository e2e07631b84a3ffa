package io.presence.registry.catalog;

/** A live version of a subject with its schema, as {@code GET /subjects/{s}/versions/{v}} returns it. */
public record SubjectVersion(String subject, int version, int id, String schema) {
}
