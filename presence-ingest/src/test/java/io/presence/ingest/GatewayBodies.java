package io.presence.ingest;

import java.util.UUID;

/** Request bodies for the gateway API, and user ids no other test on the shared cluster uses. */
public final class GatewayBodies {

    private GatewayBodies() {
    }

    public static String uniqueUser() {
        return "u-" + UUID.randomUUID();
    }

    public static String events(String... items) {
        return "{\"events\":[" + String.join(",", items) + "]}";
    }

    public static String item(String type, String user, String device, String connection, String platform, Long timestamp) {
        return "{\"type\":\"" + type + "\",\"userId\":\"" + user + "\",\"deviceId\":\"" + device + "\""
                + (connection == null ? "" : ",\"connectionId\":\"" + connection + "\"")
                + (platform == null ? "" : ",\"platform\":\"" + platform + "\"")
                + (timestamp == null ? "" : ",\"timestamp\":" + timestamp) + "}";
    }
}
