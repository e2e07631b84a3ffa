package io.presence.registry.catalog;

import org.apache.avro.Schema;

/** A previous version of a subject, as the compatibility check sees it. */
public record VersionedSchema(int version, Schema schema) {
}
