package io.presence.schemas.registry;

import org.apache.avro.Schema;

/**
 * The two calls the wire-format serde needs from a Confluent-compatible schema registry.
 * Implementations cache, so the per-record path makes no remote call after the first.
 */
public interface SchemaRegistry {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id. */
    Schema schemaById(int id);

    /** TopicNameStrategy: the value subject of a topic. */
    static String valueSubject(String topic) {
        return topic + "-value";
    }
}
