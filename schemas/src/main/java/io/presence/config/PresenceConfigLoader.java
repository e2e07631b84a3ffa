package io.presence.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads the {@code presence.*} configuration of SPEC §10: defaults from every module's
 * {@code reference.conf}, then the properties/HOCON file named by {@code PRESENCE_CONFIG},
 * then environment variables ({@code presence.heartbeat.timeout} → {@code PRESENCE_HEARTBEAT_TIMEOUT}).
 *
 * <p>Each service builds its typed {@code …Config} record from the result once at start-up;
 * nothing else reads the environment.
 */
public final class PresenceConfigLoader {

    public static final String CONFIG_FILE_ENV = "PRESENCE_CONFIG";

    private PresenceConfigLoader() {
    }

    public static Config load() {
        return load(System.getenv());
    }

    public static Config load(Map<String, String> env) {
        Config defaults = ConfigFactory.defaultReference();
        Config fromFile = fileConfig(env.get(CONFIG_FILE_ENV));
        Config merged = fromFile.withFallback(defaults).resolve();
        return withKafkaClientSettings(withEnvironmentOverrides(merged, env), env);
    }

    /** The environment variable that overrides a config path, e.g. {@code PRESENCE_KAFKA_BOOTSTRAP}. */
    public static String envName(String path) {
        return path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Config fileConfig(String file) {
        if (file == null || file.isBlank()) {
            return ConfigFactory.empty();
        }
        File f = new File(file);
        if (!f.isFile()) {
            throw new ConfigException.Generic(CONFIG_FILE_ENV + " names " + file + ", which is not a readable file");
        }
        // parseFile picks the syntax from the extension: .properties, .conf (HOCON) or .json
        return ConfigFactory.parseFile(f);
    }

    // Kafka's own setting names have no default here and only dots in them (no '_' or '-'), so for
    // them the env name is reversible: PRESENCE_KAFKA_CLIENT_SASL_JAAS_CONFIG -> sasl.jaas.config.
    private static Config withKafkaClientSettings(Config config, Map<String, String> env) {
        String prefix = envName(KafkaConnection.CLIENT_PATH) + "_";
        Config result = config;
        for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
            if (entry.getKey().startsWith(prefix) && entry.getKey().length() > prefix.length()) {
                String setting = entry.getKey().substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                result = result.withValue(KafkaConnection.CLIENT_PATH + "." + ConfigUtil.quoteString(setting),
                        ConfigValueFactory.fromAnyRef(entry.getValue(), "env " + entry.getKey()));
            }
        }
        return result;
    }

    // Only keys that have a default can be overridden: the env name of a path is not reversible
    // ("a.b-c" and "a_b.c" both map to A_B_C), so we walk the known paths instead of the environment.
    private static Config withEnvironmentOverrides(Config config, Map<String, String> env) {
        Config result = config;
        for (Map.Entry<String, ?> entry : config.entrySet()) {
            String path = entry.getKey();
            if (!path.startsWith("presence.")) {
                continue;
            }
            String value = env.get(envName(path));
            if (value != null) {
                result = result.withValue(path, ConfigValueFactory.fromAnyRef(value, "env " + envName(path)));
            }
        }
        return result;
    }
}
