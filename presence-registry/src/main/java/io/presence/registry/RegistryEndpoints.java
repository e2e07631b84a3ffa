package io.presence.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.presence.registry.catalog.CompatibilityLevel;
import io.presence.registry.catalog.CompatibilityResult;
import io.presence.registry.catalog.RegistryError;
import io.presence.registry.catalog.RegistryException;
import io.presence.registry.catalog.SchemaRegistry;
import io.presence.registry.catalog.VersionRef;
import io.presence.registry.catalog.VersionSelector;
import java.util.List;
import java.util.Map;

/**
 * The handlers of the Confluent REST subset (notes/schema-registry-protocol.md §2.4): each turns path,
 * query and body into one registry call and its answer into the JSON clients expect. Every success is
 * 200 (the Java client treats even 201 as an error). Path and version are validated before the body,
 * as Confluent does, so {@code abc} as a version is 42202 whatever the body says.
 */
final class RegistryEndpoints {

    private record RegisteredId(int id) {
    }

    private record SchemaText(String schema) {
    }

    private record Level(String compatibilityLevel) {
    }

    private record Mode(String mode) {
    }

    private record Compatibility(@JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {
    }

    private final SchemaRegistry registry;
    private final RegistryJson json;

    RegistryEndpoints(SchemaRegistry registry, RegistryJson json) {
        this.registry = registry;
        this.json = json;
    }

    void root(Context ctx) {
        json.reply(ctx, Map.of());
    }

    void schemaTypes(Context ctx) {
        json.reply(ctx, List.of("AVRO"));
    }

    /** The decode path of every client; schemaType is left out for AVRO (kafkajs breaks on null). */
    void schemaById(Context ctx) {
        json.reply(ctx, new SchemaText(registry.catalog().schemaById(schemaId(ctx)).text()));
    }

    void versionsOfSchema(Context ctx) {
        json.reply(ctx, registry.catalog().usagesOf(schemaId(ctx)));
    }

    void subjectsOfSchema(Context ctx) {
        json.reply(ctx, registry.catalog().usagesOf(schemaId(ctx)).stream().map(VersionRef::subject).distinct().toList());
    }

    /** The schema itself as the body, as Confluent's {@code .../schema} endpoints answer, for tools that save it to a file. */
    void schemaTextById(Context ctx) {
        json.replyRaw(ctx, registry.catalog().schemaById(schemaId(ctx)).text());
    }

    void versionSchemaText(Context ctx) {
        VersionSelector selector = VersionSelector.parse(ctx.pathParam("version"));
        json.replyRaw(ctx, registry.catalog().version(subject(ctx), selector).schema());
    }

    /** This registry is always writable: it has no import or read-only mode, which is what READWRITE means. */
    void mode(Context ctx) {
        json.reply(ctx, new Mode("READWRITE"));
    }

    void subjects(Context ctx) {
        json.reply(ctx, registry.catalog().subjectNames(flag(ctx, "deleted")));
    }

    void versions(Context ctx) {
        json.reply(ctx, registry.catalog().versionNumbers(subject(ctx), flag(ctx, "deleted")));
    }

    void version(Context ctx) {
        VersionSelector selector = VersionSelector.parse(ctx.pathParam("version"));
        json.reply(ctx, registry.catalog().version(subject(ctx), selector));
    }

    void register(Context ctx) {
        json.reply(ctx, new RegisteredId(registry.register(subject(ctx), json.schema(ctx))));
    }

    void lookup(Context ctx) {
        json.reply(ctx, registry.catalog().find(subject(ctx), json.schema(ctx)));
    }

    void deleteSubject(Context ctx) {
        json.reply(ctx, registry.deleteSubject(subject(ctx), flag(ctx, "permanent")));
    }

    void deleteVersion(Context ctx) {
        VersionSelector selector = VersionSelector.parse(ctx.pathParam("version"));
        json.reply(ctx, registry.deleteVersion(subject(ctx), selector, flag(ctx, "permanent")));
    }

    void testCompatibilityWithLatest(Context ctx) {
        testCompatibility(ctx, VersionSelector.LATEST);
    }

    void testCompatibilityWithVersion(Context ctx) {
        testCompatibility(ctx, VersionSelector.parse(ctx.pathParam("version")));
    }

    void globalLevel(Context ctx) {
        json.reply(ctx, new Level(registry.catalog().globalLevel().name()));
    }

    void setGlobalLevel(Context ctx) {
        CompatibilityLevel level = json.level(ctx);
        registry.setGlobalLevel(level);
        json.reply(ctx, new RegistryJson.LevelUpdate(level.name()));
    }

    /** 40408 for a subject without its own level is how kafkajs detects a first registration. */
    void subjectLevel(Context ctx) {
        String subject = subject(ctx);
        CompatibilityLevel level = flag(ctx, "defaultToGlobal")
                ? registry.catalog().effectiveLevel(subject)
                : registry.catalog().ownLevel(subject);
        json.reply(ctx, new Level(level.name()));
    }

    void setSubjectLevel(Context ctx) {
        String subject = subject(ctx);
        CompatibilityLevel level = json.level(ctx);
        registry.setSubjectLevel(subject, level);
        json.reply(ctx, new RegistryJson.LevelUpdate(level.name()));
    }

    void clearSubjectLevel(Context ctx) {
        json.reply(ctx, new Level(registry.clearSubjectLevel(subject(ctx)).name()));
    }

    private void testCompatibility(Context ctx, VersionSelector selector) {
        String subject = subject(ctx);
        CompatibilityResult result = registry.testCompatibility(subject, selector, json.schema(ctx));
        json.reply(ctx, new Compatibility(result.compatible(), result.messages()));
    }

    /** Javalin has already URL-decoded the segment ({@code %2F} → {@code /}; {@code +} stays a plus, as in a path). */
    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static int schemaId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    /** Boolean query parameters read as JAX-RS reads them: only "true" (any case) is true. */
    private static boolean flag(Context ctx, String name) {
        return Boolean.parseBoolean(ctx.queryParam(name));
    }
}
