package io.presence.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Sets every {@code presence.*} setting of a service, one at a time, to values that can never be
 * right for its kind (a duration that does not parse or is negative, a count below one, a boolean
 * that is neither) and checks that building the service's settings refuses each with a
 * {@link ConfigException} naming the key — the one-line "cannot start" every main prints — rather
 * than accepting it or failing later with a stack trace. The kind is read from the default value.
 */
public final class BadSettingSweep {

    private static final Pattern DURATION = Pattern.compile("\\d+\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("\\d+\\s*(B|KiB|MiB|GiB)");

    private final Config defaults;
    private final Function<Config, ?> build;
    private final Set<String> zeroAllowed;

    /**
     * @param defaults    a complete, valid configuration of the service (its defaults plus what it requires)
     * @param build       builds the service's settings from a configuration, as its main does
     * @param zeroAllowed paths where 0 has a meaning (e.g. "one thread per core")
     */
    public BadSettingSweep(Config defaults, Function<Config, ?> build, Set<String> zeroAllowed) {
        this.defaults = defaults;
        this.build = build;
        this.zeroAllowed = zeroAllowed;
    }

    /**
     * Sweeps every path under the prefixes (each must have some) and fails listing each bad value that was
     * accepted or refused without naming its key.
     */
    public void assertRefusesEveryBadValueUnder(String... prefixes) {
        for (String prefix : prefixes) {
            if (pathsUnder(prefix).isEmpty()) {
                throw new AssertionError("no setting has a default under " + prefix);
            }
        }
        List<String> problems = problems(pathsUnder(prefixes));
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " bad values not refused as they should be:\n  " + String.join("\n  ", problems));
        }
    }

    /** Every bad value that was accepted or refused without naming its key, as "path = value: what happened". */
    private List<String> problems(Set<String> paths) {
        List<String> problems = new ArrayList<>();
        badValues(paths).forEach((path, values) -> {
            for (String value : values) {
                problem(path, value).ifPresent(problems::add);
            }
        });
        return problems;
    }

    /** The paths that have a default and start with any of {@code prefixes} (a whole path, or one ending in a dot). */
    private Set<String> pathsUnder(String... prefixes) {
        Set<String> paths = new TreeSet<>();
        defaults.entrySet().forEach(entry -> {
            for (String prefix : prefixes) {
                if (entry.getKey().startsWith(prefix)) {
                    paths.add(entry.getKey());
                }
            }
        });
        return paths;
    }

    private Optional<String> problem(String path, String value) {
        Config bad = defaults.withValue(path, ConfigValueFactory.fromAnyRef(value, "sweep"));
        try {
            build.apply(bad);
            return Optional.of(path + " = \"" + value + "\": accepted");
        } catch (ConfigException e) {
            return e.getMessage().contains(path) ? Optional.empty()
                    : Optional.of(path + " = \"" + value + "\": refused without naming the key: " + e.getMessage());
        } catch (RuntimeException e) {
            return Optional.of(path + " = \"" + value + "\": " + e);
        }
    }

    private Map<String, List<String>> badValues(Set<String> paths) {
        Map<String, List<String>> values = new TreeMap<>();
        for (String path : paths) {
            Object value = defaults.getValue(path).unwrapped();
            String text = String.valueOf(value).strip();
            List<String> bad = new ArrayList<>();
            if (value instanceof Boolean) {
                bad.add("maybe");
            } else if (value instanceof Number) {
                bad.addAll(List.of("many", "-1"));
                if (!zeroAllowed.contains(path)) {
                    bad.add("0");
                }
            } else if (DURATION.matcher(text).matches() || text.isEmpty() && path.contains("timeout")) {
                bad.addAll(List.of("soon", "-5s"));
                if (!zeroAllowed.contains(path)) {
                    bad.add("0s");
                }
            } else if (SIZE.matcher(text).matches()) {
                bad.addAll(List.of("big", "-1", "0"));
            }
            if (!bad.isEmpty()) {
                values.put(path, bad);
            }
        }
        return values;
    }
}
