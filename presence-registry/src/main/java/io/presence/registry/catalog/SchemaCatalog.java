package io.presence.registry.catalog;

import io.presence.registry.catalog.RegistryRecord.GlobalLevelSet;
import io.presence.registry.catalog.RegistryRecord.SchemaAdded;
import io.presence.registry.catalog.RegistryRecord.SubjectLevelCleared;
import io.presence.registry.catalog.RegistryRecord.SubjectLevelSet;
import io.presence.registry.catalog.RegistryRecord.VersionPurged;
import io.presence.registry.catalog.RegistryRecord.VersionWritten;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the registry knows: schemas by global id, subjects with their versions, and the
 * compatibility levels. An immutable value: {@link #apply} folds one {@link RegistryRecord} into a new
 * catalog, so replaying the log at start and applying a fresh write are the same code, and readers
 * always see a consistent snapshot without locking.
 *
 * <p>The queries throw {@link RegistryException} with Confluent's not-found codes.
 */
public final class SchemaCatalog {

    private final Map<Integer, CanonicalSchema> schemasById;
    private final Map<CanonicalSchema, Integer> idsBySchema;
    private final Map<String, Subject> subjects;
    private final CompatibilityLevel globalLevel;
    private final int maxId;

    private SchemaCatalog(Map<Integer, CanonicalSchema> schemasById, Map<CanonicalSchema, Integer> idsBySchema,
                          Map<String, Subject> subjects, CompatibilityLevel globalLevel, int maxId) {
        this.schemasById = schemasById;
        this.idsBySchema = idsBySchema;
        this.subjects = subjects;
        this.globalLevel = globalLevel;
        this.maxId = maxId;
    }

    public static SchemaCatalog empty() {
        return new SchemaCatalog(Map.of(), Map.of(), Map.of(), CompatibilityLevel.DEFAULT, 0);
    }

    public SchemaCatalog apply(RegistryRecord record) {
        if (record instanceof SchemaAdded added) {
            return withSchema(added.id(), CanonicalSchema.parse(added.schema()));
        } else if (record instanceof VersionWritten written) {
            if (!schemasById.containsKey(written.schemaId())) {
                throw new IllegalStateException("version " + written.version() + " of subject '" + written.subject()
                        + "' refers to schema id " + written.schemaId() + ", which was never added");
            }
            return withSubject(written.subject(), s -> s.withVersion(
                    new VersionEntry(written.version(), written.schemaId(), written.deleted())));
        } else if (record instanceof VersionPurged purged) {
            return withSubject(purged.subject(), s -> s.withoutVersion(purged.version()));
        } else if (record instanceof GlobalLevelSet set) {
            return new SchemaCatalog(schemasById, idsBySchema, subjects, set.level(), maxId);
        } else if (record instanceof SubjectLevelSet set) {
            return withSubject(set.subject(), s -> s.withOwnLevel(set.level()));
        } else if (record instanceof SubjectLevelCleared cleared) {
            return withSubject(cleared.subject(), s -> s.withOwnLevel(null));
        }
        throw new IllegalArgumentException("unknown record " + record);
    }

    public Optional<Integer> idOf(CanonicalSchema schema) {
        return Optional.ofNullable(idsBySchema.get(schema));
    }

    /** Ids only grow, and survive every delete: data on other topics may carry any id ever handed out. */
    public int nextId() {
        return maxId + 1;
    }

    public CanonicalSchema schemaById(int id) {
        CanonicalSchema schema = schemasById.get(id);
        if (schema == null) {
            throw new RegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    /** The live versions that hold schema {@code id}. */
    public List<VersionRef> usagesOf(int id) {
        schemaById(id);
        return subjects.values().stream()
                .sorted(Comparator.comparing(Subject::name))
                .flatMap(s -> s.liveVersions().stream()
                        .filter(v -> v.schemaId() == id)
                        .map(v -> new VersionRef(s.name(), v.version())))
                .toList();
    }

    /** Subjects with a live version; with {@code includeDeleted}, soft-deleted subjects too. Sorted. */
    public List<String> subjectNames(boolean includeDeleted) {
        return subjects.values().stream()
                .filter(s -> includeDeleted ? s.hasVersions() : s.hasLiveVersions())
                .map(Subject::name)
                .sorted()
                .toList();
    }

    public Optional<Subject> subject(String name) {
        return Optional.ofNullable(subjects.get(name));
    }

    /** A subject that has at least one version, soft-deleted or not. */
    public Subject subjectWithVersions(String name) {
        return subject(name).filter(Subject::hasVersions).orElseThrow(() -> subjectNotFound(name));
    }

    public List<Integer> versionNumbers(String subject, boolean includeDeleted) {
        Subject s = includeDeleted ? subjectWithVersions(subject) : liveSubject(subject);
        return (includeDeleted ? s.allVersions() : s.liveVersions()).stream().map(VersionEntry::version).toList();
    }

    public SubjectVersion version(String subject, VersionSelector selector) {
        Subject s = liveSubject(subject);
        Optional<VersionEntry> entry = selector.isLatest()
                ? s.latestLive()
                : s.version(selector.number()).filter(v -> !v.deleted());
        return entry.map(v -> describe(s.name(), v)).orElseThrow(() -> versionNotFound(selector));
    }

    /** The newest live version of {@code subject} that holds {@code schema}. */
    public Optional<SubjectVersion> liveVersionHolding(String subject, CanonicalSchema schema) {
        Optional<Integer> id = idOf(schema);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<VersionEntry> live = subject(subject).map(Subject::liveVersions).orElse(List.of());
        return live.stream()
                .filter(v -> v.schemaId() == id.get())
                .reduce((older, newer) -> newer)
                .map(v -> describe(subject, v));
    }

    /** {@code POST /subjects/{s}}: the version of {@code subject} that holds {@code schema}. */
    public SubjectVersion find(String subject, CanonicalSchema schema) {
        liveSubject(subject);
        return liveVersionHolding(subject, schema).orElseThrow(() -> new RegistryException(
                RegistryError.SCHEMA_NOT_FOUND, "Schema not found under subject '" + subject + "'"));
    }

    /** The live versions of a subject, oldest first; empty for an unknown subject. */
    public List<VersionedSchema> liveHistory(String subject) {
        return subject(subject).map(Subject::liveVersions).orElse(List.of()).stream()
                .map(v -> new VersionedSchema(v.version(), schemasById.get(v.schemaId()).schema()))
                .toList();
    }

    public CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    /** The level set on the subject itself; 40408 when it follows the global level. */
    public CompatibilityLevel ownLevel(String subject) {
        return subject(subject).flatMap(Subject::ownLevel).orElseThrow(() -> new RegistryException(
                RegistryError.SUBJECT_LEVEL_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured"));
    }

    /** The subject's own level, or the global one. */
    public CompatibilityLevel effectiveLevel(String subject) {
        return subject(subject).flatMap(Subject::ownLevel).orElse(globalLevel);
    }

    static RegistryException versionNotFound(VersionSelector selector) {
        return new RegistryException(RegistryError.VERSION_NOT_FOUND, "Version " + selector + " not found.");
    }

    private Subject liveSubject(String name) {
        return subject(name).filter(Subject::hasLiveVersions).orElseThrow(() -> subjectNotFound(name));
    }

    private SubjectVersion describe(String subject, VersionEntry v) {
        return new SubjectVersion(subject, v.version(), v.schemaId(), schemasById.get(v.schemaId()).text());
    }

    private static RegistryException subjectNotFound(String name) {
        return new RegistryException(RegistryError.SUBJECT_NOT_FOUND, "Subject '" + name + "' not found.");
    }

    private SchemaCatalog withSchema(int id, CanonicalSchema schema) {
        Map<Integer, CanonicalSchema> byId = new HashMap<>(schemasById);
        Map<CanonicalSchema, Integer> byText = new HashMap<>(idsBySchema);
        CanonicalSchema replaced = byId.put(id, schema);
        if (replaced != null) {
            byText.remove(replaced, id);
        }
        // the lowest id wins if a schema was ever added twice (a write whose outcome was unknown, then retried)
        byText.merge(schema, id, Math::min);
        return new SchemaCatalog(byId, byText, subjects, globalLevel, Math.max(maxId, id));
    }

    private SchemaCatalog withSubject(String name, UnaryOperator<Subject> change) {
        Map<String, Subject> changed = new HashMap<>(subjects);
        Subject updated = change.apply(subjects.getOrDefault(name, Subject.empty(name)));
        if (updated.isEmpty()) {
            changed.remove(name);
        } else {
            changed.put(name, updated);
        }
        return new SchemaCatalog(schemasById, idsBySchema, changed, globalLevel, maxId);
    }
}
