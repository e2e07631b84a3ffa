package io.presence.schemas.registry;

import io.presence.avro.FriendshipEvent;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.StatusNotification;
import io.presence.avro.SubscriptionCommand;
import io.presence.avro.UserStatus;
import io.presence.schemas.topics.TopicLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;

/**
 * The public value schemas of SPEC §2 as outside clients see them, parsed from the shipped
 * {@code .avsc} files rather than taken from the generated classes: the classes' schemas carry
 * the Java-only {@code "avro.java.string"} property, and a registry that compares schemas would
 * treat them as a different version from the .avsc another client registers.
 */
public final class PublicSchemas {

    // dependency order: a named type must be parsed before a schema that refers to it
    private static final List<String> FILES = List.of(
            "Platform", "EventType", "GeneralStatus", "DeviceState", "DeviceSession", "UserStatus",
            "PresenceEvent", "SubscriptionCommand", "FriendshipEvent", "StatusChange", "StatusNotification");

    private static final Map<Class<? extends SpecificRecord>, String> TOPIC_OF_RECORD = topicOfRecord();

    private static final Map<String, Schema> BY_NAME = parseAll();

    private PublicSchemas() {
    }

    /** The public schema of a generated record class. */
    public static Schema of(Class<? extends SpecificRecord> recordClass) {
        Schema schema = BY_NAME.get(recordClass.getName());
        if (schema == null) {
            throw new IllegalArgumentException(recordClass.getName() + " has no public schema");
        }
        return schema;
    }

    /** Topic → public value schema, for every Avro-valued topic of SPEC §2. */
    public static Map<String, Schema> byTopic() {
        Map<String, Schema> result = new LinkedHashMap<>();
        TOPIC_OF_RECORD.forEach((type, topic) -> result.put(topic, of(type)));
        return result;
    }

    /** Registers every public schema under its TopicNameStrategy subject; returns subject → id. */
    public static Map<String, Integer> registerAll(SchemaRegistry registry) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        byTopic().forEach((topic, schema) -> {
            String subject = SchemaRegistry.valueSubject(topic);
            ids.put(subject, registry.register(subject, schema));
        });
        return ids;
    }

    /** True if the two schemas encode identically (same Parsing Canonical Form). */
    public static boolean sameEncoding(Schema a, Schema b) {
        return SchemaNormalization.toParsingForm(a).equals(SchemaNormalization.toParsingForm(b));
    }

    private static Map<Class<? extends SpecificRecord>, String> topicOfRecord() {
        Map<Class<? extends SpecificRecord>, String> map = new LinkedHashMap<>();
        map.put(PresenceEvent.class, TopicLayout.EVENTS);
        map.put(SubscriptionCommand.class, TopicLayout.SUBSCRIPTIONS);
        map.put(FriendshipEvent.class, TopicLayout.FRIENDSHIPS);
        map.put(UserStatus.class, TopicLayout.STATUS);
        map.put(StatusChange.class, TopicLayout.STATUS_CHANGES);
        map.put(StatusNotification.class, TopicLayout.NOTIFICATIONS);
        return map;
    }

    private static Map<String, Schema> parseAll() {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> byName = new LinkedHashMap<>();
        for (String file : FILES) {
            String resource = "/avro/" + file + ".avsc";
            try (InputStream in = PublicSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource + " in presence-schemas");
                }
                Schema schema = parser.parse(in);
                byName.put(schema.getFullName(), schema);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return Map.copyOf(byName);
    }
}
