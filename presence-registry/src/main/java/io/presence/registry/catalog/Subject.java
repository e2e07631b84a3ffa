package io.presence.registry.catalog;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One subject: its versions (soft-deleted ones included; purged ones gone) and its own compatibility
 * level if one was set. Immutable; the {@code with…} methods return a changed copy.
 */
public final class Subject {

    private final String name;
    private final SortedMap<Integer, VersionEntry> versions;
    private final CompatibilityLevel ownLevel;

    private Subject(String name, SortedMap<Integer, VersionEntry> versions, CompatibilityLevel ownLevel) {
        this.name = name;
        this.versions = versions;
        this.ownLevel = ownLevel;
    }

    static Subject empty(String name) {
        return new Subject(name, new TreeMap<>(), null);
    }

    public String name() {
        return name;
    }

    public List<VersionEntry> allVersions() {
        return List.copyOf(versions.values());
    }

    public List<VersionEntry> liveVersions() {
        return versions.values().stream().filter(v -> !v.deleted()).toList();
    }

    public boolean hasVersions() {
        return !versions.isEmpty();
    }

    public boolean hasLiveVersions() {
        return versions.values().stream().anyMatch(v -> !v.deleted());
    }

    public Optional<VersionEntry> version(int number) {
        return Optional.ofNullable(versions.get(number));
    }

    public Optional<VersionEntry> latestLive() {
        List<VersionEntry> live = liveVersions();
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
    }

    public Optional<VersionEntry> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.lastKey()));
    }

    /** Numbering continues after soft-deleted versions, as in Confluent, so a version number is never reused while it exists. */
    public int nextVersion() {
        return versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    public Optional<CompatibilityLevel> ownLevel() {
        return Optional.ofNullable(ownLevel);
    }

    /** A subject with no versions and no level of its own is not worth keeping. */
    boolean isEmpty() {
        return versions.isEmpty() && ownLevel == null;
    }

    Subject withVersion(VersionEntry entry) {
        SortedMap<Integer, VersionEntry> changed = new TreeMap<>(versions);
        changed.put(entry.version(), entry);
        return new Subject(name, changed, ownLevel);
    }

    Subject withoutVersion(int number) {
        SortedMap<Integer, VersionEntry> changed = new TreeMap<>(versions);
        changed.remove(number);
        return new Subject(name, changed, ownLevel);
    }

    Subject withOwnLevel(CompatibilityLevel level) {
        return new Subject(name, versions, level);
    }
}
