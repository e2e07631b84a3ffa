package io.presence.registry.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.presence.registry.catalog.CompatibilityLevel;
import io.presence.registry.catalog.RegistryRecord;
import io.presence.registry.catalog.RegistryRecord.GlobalLevelSet;
import io.presence.registry.catalog.RegistryRecord.SchemaAdded;
import io.presence.registry.catalog.RegistryRecord.SubjectLevelCleared;
import io.presence.registry.catalog.RegistryRecord.SubjectLevelSet;
import io.presence.registry.catalog.RegistryRecord.VersionPurged;
import io.presence.registry.catalog.RegistryRecord.VersionWritten;
import java.io.IOException;

/**
 * The JSON form of {@link RegistryRecord}s in the {@code _schemas} topic, modelled on Confluent's
 * layout (a {@code keytype} in the key, tombstones for deletions) but not meant to be read by it:
 *
 * <pre>
 * {"keytype":"SCHEMA","id":7}                       {"schema":"..."}
 * {"keytype":"VERSION","subject":"s","version":2}   {"schemaId":7,"deleted":false}   or null = purged
 * {"keytype":"CONFIG"}                              {"compatibilityLevel":"FULL"}     (global)
 * {"keytype":"CONFIG","subject":"s"}                {"compatibilityLevel":"FULL"}     or null = cleared
 * </pre>
 *
 * Keys are written field by field in a fixed order: compaction compares key bytes, so one logical key
 * must always encode to the same bytes.
 */
public final class RegistryRecordCodec {

    /** A record as Kafka stores it; {@code value} is null for a tombstone. */
    public record Encoded(byte[] key, byte[] value) {
    }

    private static final String SCHEMA = "SCHEMA";
    private static final String VERSION = "VERSION";
    private static final String CONFIG = "CONFIG";

    private final ObjectMapper json = new ObjectMapper();

    public Encoded encode(RegistryRecord record) {
        if (record instanceof SchemaAdded added) {
            return encoded(key(SCHEMA).put("id", added.id()), json.createObjectNode().put("schema", added.schema()));
        } else if (record instanceof VersionWritten written) {
            return encoded(versionKey(written.subject(), written.version()),
                    json.createObjectNode().put("schemaId", written.schemaId()).put("deleted", written.deleted()));
        } else if (record instanceof VersionPurged purged) {
            return encoded(versionKey(purged.subject(), purged.version()), null);
        } else if (record instanceof GlobalLevelSet set) {
            return encoded(key(CONFIG), level(set.level()));
        } else if (record instanceof SubjectLevelSet set) {
            return encoded(key(CONFIG).put("subject", set.subject()), level(set.level()));
        } else if (record instanceof SubjectLevelCleared cleared) {
            return encoded(key(CONFIG).put("subject", cleared.subject()), null);
        }
        throw new IllegalArgumentException("unknown record " + record);
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong when the bytes are not a record we wrote. */
    public RegistryRecord decode(byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = parse(keyBytes, "key");
        JsonNode value = valueBytes == null ? null : parse(valueBytes, "value");
        String keytype = text(key, "keytype");
        switch (keytype) {
            case SCHEMA:
                return new SchemaAdded(integer(key, "id"), text(required(value, keytype), "schema"));
            case VERSION:
                String subject = text(key, "subject");
                int version = integer(key, "version");
                if (value == null) {
                    return new VersionPurged(subject, version);
                }
                return new VersionWritten(subject, version, integer(value, "schemaId"), value.path("deleted").asBoolean(false));
            case CONFIG:
                if (!key.hasNonNull("subject")) {
                    return new GlobalLevelSet(level(required(value, keytype)));
                }
                return value == null
                        ? new SubjectLevelCleared(text(key, "subject"))
                        : new SubjectLevelSet(text(key, "subject"), level(value));
            default:
                throw new IllegalArgumentException("unknown keytype '" + keytype + "'");
        }
    }

    private ObjectNode key(String keytype) {
        return json.createObjectNode().put("keytype", keytype);
    }

    private ObjectNode versionKey(String subject, int version) {
        return key(VERSION).put("subject", subject).put("version", version);
    }

    private ObjectNode level(CompatibilityLevel level) {
        return json.createObjectNode().put("compatibilityLevel", level.name());
    }

    private Encoded encoded(ObjectNode key, ObjectNode value) {
        try {
            return new Encoded(json.writeValueAsBytes(key), value == null ? null : json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for a tree we built", e);
        }
    }

    private JsonNode parse(byte[] bytes, String what) {
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode value, String keytype) {
        if (value == null) {
            throw new IllegalArgumentException("a " + keytype + " record cannot be a tombstone here");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return v.textValue();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not an int");
        }
        return v.intValue();
    }

    private static CompatibilityLevel level(JsonNode value) {
        return CompatibilityLevel.valueOf(text(value, "compatibilityLevel"));
    }
}
