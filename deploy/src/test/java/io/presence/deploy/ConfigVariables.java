package io.presence.deploy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.presence.config.PresenceConfigLoader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The environment variables the services read as configuration (SPEC §10): {@code PRESENCE_CONFIG} and
 * the env name of every {@code presence.*} path that has a default in some module's {@code reference.conf}.
 * The loader looks up only those names, so a variable for any other {@code PRESENCE_*} name is ignored
 * without a word: the manifest tests are where such a mistake shows. Also which of them hold secrets.
 */
final class ConfigVariables {

    private static final String PREFIX = "PRESENCE_";

    private final Set<String> names;

    private ConfigVariables(Set<String> names) {
        this.names = names;
    }

    static ConfigVariables ofReference() {
        Config reference = ConfigFactory.defaultReference();
        Set<String> names = reference.entrySet().stream()
                .map(Map.Entry::getKey)
                .filter(path -> path.startsWith("presence."))
                .map(PresenceConfigLoader::envName)
                .collect(Collectors.toSet());
        names.add(PresenceConfigLoader.CONFIG_FILE_ENV);
        return new ConfigVariables(Set.copyOf(names));
    }

    boolean reads(String name) {
        return names.contains(name);
    }

    /** Whether the variable holds a secret (the auth secret, gateway keys, internal key, webhook secret). */
    static boolean isSecret(String name) {
        return name.startsWith(PREFIX) && (name.endsWith("_SECRET") || name.endsWith("_KEY") || name.endsWith("_KEYS"));
    }

    /** The {@code PRESENCE_*} names among these that no service reads, sorted. */
    List<String> unread(Collection<String> variableNames) {
        return variableNames.stream().filter(name -> name.startsWith(PREFIX) && !reads(name)).sorted().toList();
    }
}
