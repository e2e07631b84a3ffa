package io.presence.testkit;

import java.util.Map;

/**
 * The one user a test broker's SASL/PLAIN listener accepts, and the client settings that log in as it —
 * what a managed Kafka cluster asks of every client (PLAIN over TLS there; over plaintext here, the
 * same handshake for the client).
 */
public record SaslPlainUser(String username, String password) {

    /** The settings every Kafka client needs to reach the listener as this user. */
    public Map<String, String> clientSettings() {
        return Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", jaas("username=\"" + username + "\" password=\"" + password + "\""));
    }

    /** The broker side: the user and its password. */
    String serverJaasConfig() {
        return jaas("user_" + username + "=\"" + password + "\"");
    }

    private static String jaas(String options) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required " + options + ";";
    }
}
