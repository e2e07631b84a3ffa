package io.presence.ingest.gateway;

/**
 * One item of a gateway batch as sent (SPEC §9):
 * {@code {"type":"LOGIN","userId":"u1","deviceId":"d1","connectionId":"c1","platform":"IOS","timestamp":1732550000000}}.
 * Enum-like fields stay strings here so that a wrong value is refused with a message listing the allowed ones.
 */
public record GatewayEventJson(String type, String userId, String deviceId, String connectionId, String platform, Long timestamp) {
}
