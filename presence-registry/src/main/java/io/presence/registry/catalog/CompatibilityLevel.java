package io.presence.registry.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Confluent's compatibility levels. BACKWARD: the new schema can read data written with the previous
 * one; FORWARD: the previous schema can read data written with the new one; FULL: both. The
 * transitive variants check every live version instead of only the latest.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The level of a registry nobody configured, as in Confluent. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Parses a level as clients send it; Confluent accepts any letter case. */
    public static CompatibilityLevel parse(String name) {
        if (name != null) {
            for (CompatibilityLevel level : values()) {
                if (level.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    return level;
                }
            }
        }
        throw new RegistryException(RegistryError.INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level '" + name + "'. Valid values are "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    public boolean newReadsOld() {
        return newReadsOld;
    }

    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    public boolean transitive() {
        return transitive;
    }
}
