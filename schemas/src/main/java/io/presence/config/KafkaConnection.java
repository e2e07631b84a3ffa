package io.presence.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How every Kafka client of a service reaches the cluster: {@code presence.kafka.bootstrap} plus the
 * client settings under {@code presence.kafka.client} — security above all ({@code security.protocol},
 * {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.location} …), which a managed
 * or secured cluster requires and which are the same for every producer, consumer, admin client and
 * Kafka Streams.
 *
 * <p>A client's own settings win over these: they are its guarantees (acks=all, idempotence,
 * read_committed, exactly-once), not tuning.
 *
 * @param clientSettings Kafka client property names (as Kafka spells them) and their values
 */
public record KafkaConnection(String bootstrap, Map<String, String> clientSettings) {

    public static final String CLIENT_PATH = "presence.kafka.client";

    public KafkaConnection {
        clientSettings = Collections.unmodifiableMap(new TreeMap<>(clientSettings));
        if (clientSettings.containsKey("bootstrap.servers")) {
            throw new ConfigException.BadValue(CLIENT_PATH, "must not set bootstrap.servers; use presence.kafka.bootstrap");
        }
    }

    /** A plain connection (tests, the local run, tools given only a bootstrap). */
    public static KafkaConnection to(String bootstrap) {
        return new KafkaConnection(bootstrap, Map.of());
    }

    public static KafkaConnection fromConfig(Config config) {
        Map<String, String> settings = new HashMap<>();
        Config client = config.getConfig(CLIENT_PATH);
        client.entrySet().forEach(entry ->
                // a quoted HOCON key ("security.protocol") and a properties file's nested one name the same setting
                settings.put(String.join(".", ConfigUtil.splitPath(entry.getKey())), String.valueOf(entry.getValue().unwrapped())));
        return new KafkaConnection(config.getString("presence.kafka.bootstrap"), settings);
    }

    /** The properties of one client: bootstrap, then these settings, then the client's own, which win. */
    public Map<String, Object> clientProperties(Map<String, ?> own) {
        Map<String, Object> properties = new HashMap<>(clientSettings);
        properties.put("bootstrap.servers", bootstrap);
        properties.putAll(own);
        return properties;
    }

    public Map<String, Object> clientProperties() {
        return clientProperties(Map.of());
    }

    /** Names the settings, never their values: {@code sasl.jaas.config} holds a password. */
    @Override
    public String toString() {
        return "KafkaConnection[bootstrap=" + bootstrap + ", clientSettings=" + clientSettings.keySet() + "]";
    }
}
