package io.presence.ingest.gateway;

/**
 * One item of a gateway batch as sent (SPEC §9):
 * {@code {"type":"LOGIN","userId":"u1","deviceId":"d1","connectionId":"c1","platform":"IOS","timestamp":1732550000000}},
 * and optionally the gateway's own {@code eventId}, so that a retried call is applied once (R-SES-7).
 * Enum-like fields stay strings here so that a wrong value is refused with a message listing the allowed ones.
 */
public record GatewayEventJson(String type, String userId, String deviceId, String connectionId, String platform, Long timestamp,
                               String eventId) {

    /** An item without an eventId of its own: ingest gives it a new one. */
    public GatewayEventJson(String type, String userId, String deviceId, String connectionId, String platform, Long timestamp) {
        this(type, userId, deviceId, connectionId, platform, timestamp, null);
    }
}
