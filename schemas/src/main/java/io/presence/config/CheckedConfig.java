package io.presence.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Typed reads of the {@code presence.*} configuration that also check each value's range, so that
 * every bad setting — one that does not parse, a negative duration, a count below its minimum — is
 * refused at start-up by a {@link ConfigException} naming the full key and where it was set
 * ({@code env PRESENCE_HEARTBEAT_TIMEOUT: Invalid value at 'presence.heartbeat.timeout': must be
 * positive, was -5s}), which every main prints as one line. Reads are always by full path: a
 * sub-config's own messages would name only the last part of it.
 */
public final class CheckedConfig {

    private final Config root;
    private final String prefix;

    private CheckedConfig(Config root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    public static CheckedConfig of(Config root) {
        return new CheckedConfig(root, "");
    }

    /** The keys under {@code path}, read by their names relative to it. */
    public CheckedConfig at(String path) {
        return new CheckedConfig(root, prefix + path + ".");
    }

    public String string(String key) {
        return root.getString(prefix + key).strip();
    }

    public boolean flag(String key) {
        return root.getBoolean(prefix + key);
    }

    /** A whole number of at least {@code min}. */
    public int atLeast(String key, int min) {
        int value = root.getInt(prefix + key);
        if (value < min) {
            throw bad(key, "must be at least " + min + ", was " + value);
        }
        return value;
    }

    public long atLeast(String key, long min) {
        long value = root.getLong(prefix + key);
        if (value < min) {
            throw bad(key, "must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** A TCP port, or 0 where the key gives 0 a meaning (any free port, the bound port). */
    public int port(String key) {
        return portFrom(key, 0);
    }

    /** A TCP port others are told in advance, so 0 (any free port) is not one. */
    public int fixedPort(String key) {
        return portFrom(key, 1);
    }

    private int portFrom(String key, int min) {
        int value = root.getInt(prefix + key);
        if (value < min || value > 65_535) {
            throw bad(key, "must be a port number from " + min + " to 65535, was " + value);
        }
        return value;
    }

    /** A number in {@code [min, max)}. */
    public double fraction(String key, double min, double max) {
        double value = root.getDouble(prefix + key);
        if (value < min || value >= max) {
            throw bad(key, "must be at least " + min + " and below " + max + ", was " + value);
        }
        return value;
    }

    public Duration positiveDuration(String key) {
        Duration value = root.getDuration(prefix + key);
        if (value.isNegative() || value.isZero()) {
            throw bad(key, "must be positive, was " + root.getValue(prefix + key).unwrapped());
        }
        return value;
    }

    public Duration nonNegativeDuration(String key) {
        Duration value = root.getDuration(prefix + key);
        if (value.isNegative()) {
            throw bad(key, "must not be negative, was " + root.getValue(prefix + key).unwrapped());
        }
        return value;
    }

    /** A positive duration, or empty where the key is blank (unset). */
    public Optional<Duration> optionalPositiveDuration(String key) {
        return string(key).isEmpty() ? Optional.empty() : Optional.of(positiveDuration(key));
    }

    /** A size in bytes ({@code 64MiB}) of at least {@code min}. */
    public long bytes(String key, long min) {
        long value = root.getBytes(prefix + key);
        if (value < min) {
            throw bad(key, "must be at least " + min + " bytes, was " + root.getValue(prefix + key).unwrapped());
        }
        return value;
    }

    /**
     * Builds a value from this key's setting with a constructor that checks its own invariants, turning
     * its refusal into one that names the key.
     */
    public <T> T checked(String key, Supplier<T> construct) {
        try {
            return construct.get();
        } catch (IllegalArgumentException e) {
            throw bad(key, e.getMessage());
        }
    }

    /** A refusal of this key's value, naming the key and where it was set. */
    public ConfigException bad(String key, String message) {
        String path = prefix + key;
        return root.hasPath(path)
                ? new ConfigException.BadValue(root.getValue(path).origin(), path, message)
                : new ConfigException.BadValue(path, message);
    }
}
