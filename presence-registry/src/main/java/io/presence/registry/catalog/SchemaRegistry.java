package io.presence.registry.catalog;

import io.presence.registry.catalog.RegistryRecord.GlobalLevelSet;
import io.presence.registry.catalog.RegistryRecord.SchemaAdded;
import io.presence.registry.catalog.RegistryRecord.SubjectLevelCleared;
import io.presence.registry.catalog.RegistryRecord.SubjectLevelSet;
import io.presence.registry.catalog.RegistryRecord.VersionPurged;
import io.presence.registry.catalog.RegistryRecord.VersionWritten;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's commands. Each one decides against the current catalog, appends its records to the
 * log and only then applies them, so nothing is answered that is not durable. Commands run one at a
 * time: allocating an id or a version number and writing it must not interleave. Reads take the
 * current {@link #catalog()} snapshot and never wait.
 *
 * <p>A command that writes several records (a delete of many versions) is not atomic; if it fails
 * half-way the client sees an error and repeating the command finishes the job.
 */
public final class SchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);

    private final SchemaLog schemaLog;
    private final CompatibilityChecker checker = new CompatibilityChecker();
    private final Object writeLock = new Object();
    private volatile SchemaCatalog catalog = SchemaCatalog.empty();

    public SchemaRegistry(SchemaLog schemaLog) {
        this.schemaLog = schemaLog;
    }

    /** Rebuilds the catalog from the log; call once, before serving. */
    public void load() {
        synchronized (writeLock) {
            catalog = SchemaCatalog.empty();
            schemaLog.replay(record -> catalog = catalog.apply(record));
            log.info("loaded {} subjects, next schema id {}", catalog.subjectNames(false).size(), catalog.nextId());
        }
    }

    public SchemaCatalog catalog() {
        return catalog;
    }

    /** Registers {@code schema} under {@code subject}; the same schema again returns its id without a new version. */
    public int register(String subject, CanonicalSchema schema) {
        synchronized (writeLock) {
            SchemaCatalog current = catalog;
            Optional<SubjectVersion> existing = current.liveVersionHolding(subject, schema);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            CompatibilityLevel level = current.effectiveLevel(subject);
            CompatibilityResult result = checker.check(schema.schema(), current.liveHistory(subject), level);
            if (!result.compatible()) {
                throw new RegistryException(RegistryError.INCOMPATIBLE_SCHEMA,
                        "Schema being registered is incompatible with an earlier schema for subject '" + subject
                                + "' at compatibility level " + level + ", details: " + result.messages());
            }
            Optional<Integer> known = current.idOf(schema);
            int id = known.orElse(current.nextId());
            if (known.isEmpty()) {
                write(new SchemaAdded(id, schema.text()));
            }
            int version = current.subject(subject).map(Subject::nextVersion).orElse(1);
            write(new VersionWritten(subject, version, id, false));
            log.info("registered schema id {} as version {} of subject '{}'", id, version, subject);
            return id;
        }
    }

    /** Checks {@code schema} against one version, or against what the level demands for {@code latest}. */
    public CompatibilityResult testCompatibility(String subject, VersionSelector selector, CanonicalSchema schema) {
        SchemaCatalog current = catalog;
        List<VersionedSchema> history = current.liveHistory(subject);
        List<VersionedSchema> against = selector.isLatest()
                ? history
                : history.stream().filter(v -> v.version() == selector.number()).toList();
        if (!selector.isLatest() && against.isEmpty()) {
            throw SchemaCatalog.versionNotFound(selector);
        }
        return checker.check(schema.schema(), against, current.effectiveLevel(subject));
    }

    public void setGlobalLevel(CompatibilityLevel level) {
        synchronized (writeLock) {
            write(new GlobalLevelSet(level));
        }
    }

    public void setSubjectLevel(String subject, CompatibilityLevel level) {
        synchronized (writeLock) {
            write(new SubjectLevelSet(subject, level));
        }
    }

    /** Makes the subject follow the global level again; returns the level it had. */
    public CompatibilityLevel clearSubjectLevel(String subject) {
        synchronized (writeLock) {
            CompatibilityLevel old = catalog.ownLevel(subject);
            write(new SubjectLevelCleared(subject));
            return old;
        }
    }

    /**
     * Soft delete hides every live version (their ids stay resolvable); a permanent delete, allowed
     * only after a soft one, removes the versions and the subject's own level for good. Returns the
     * versions it deleted.
     */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        synchronized (writeLock) {
            Subject s = catalog.subjectWithVersions(subject);
            if (!permanent) {
                if (!s.hasLiveVersions()) {
                    throw new RegistryException(RegistryError.SUBJECT_SOFT_DELETED, "Subject '" + subject
                            + "' was soft deleted. Set permanent=true to delete permanently");
                }
                s.liveVersions().forEach(v -> write(new VersionWritten(subject, v.version(), v.schemaId(), true)));
                return s.liveVersions().stream().map(VersionEntry::version).toList();
            }
            if (s.hasLiveVersions()) {
                throw new RegistryException(RegistryError.SUBJECT_NOT_SOFT_DELETED, "Subject '" + subject
                        + "' was not deleted first before being permanently deleted");
            }
            s.allVersions().forEach(v -> write(new VersionPurged(subject, v.version())));
            if (s.ownLevel().isPresent()) {
                write(new SubjectLevelCleared(subject));
            }
            return s.allVersions().stream().map(VersionEntry::version).toList();
        }
    }

    /** The one-version form of {@link #deleteSubject}; {@code latest} means the latest live version, or for a permanent delete the latest one. */
    public int deleteVersion(String subject, VersionSelector selector, boolean permanent) {
        synchronized (writeLock) {
            Subject s = catalog.subjectWithVersions(subject);
            Optional<VersionEntry> found = selector.isLatest()
                    ? (permanent ? s.latest() : s.latestLive())
                    : s.version(selector.number());
            VersionEntry v = found.orElseThrow(() -> SchemaCatalog.versionNotFound(selector));
            if (!permanent) {
                if (v.deleted()) {
                    throw new RegistryException(RegistryError.VERSION_SOFT_DELETED, "Subject '" + subject + "' Version "
                            + v.version() + " was soft deleted. Set permanent=true to delete permanently");
                }
                write(new VersionWritten(subject, v.version(), v.schemaId(), true));
            } else {
                if (!v.deleted()) {
                    throw new RegistryException(RegistryError.VERSION_NOT_SOFT_DELETED, "Subject '" + subject
                            + "' Version " + v.version() + " was not deleted first before being permanently deleted");
                }
                write(new VersionPurged(subject, v.version()));
            }
            return v.version();
        }
    }

    @Override
    public void close() {
        schemaLog.close();
    }

    private void write(RegistryRecord record) {
        schemaLog.append(record);
        catalog = catalog.apply(record);
    }
}
