package io.presence.ingest.gateway;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.http.ApiException;
import io.presence.http.IdRules;
import io.presence.http.auth.ApiKeyVerifier;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks one gateway event (SPEC §1, §9) and turns it into the PresenceEvent ingest writes: the
 * gateway's eventId or a new UUID, the gateway's name as source (or this instance's, for a gateway key
 * without a name), server time when the gateway gave none.
 * A refused event throws 40001 naming the field.
 */
public final class GatewayEventValidator {

    static final int MAX_CONNECTION_ID_LENGTH = 128;
    static final int MAX_EVENT_ID_LENGTH = 128;

    /** What gateways may send; the other event types are written by the system itself. */
    private static final Set<EventType> GATEWAY_TYPES =
            EnumSet.of(EventType.LOGIN, EventType.HEARTBEAT, EventType.DISCONNECT, EventType.LOGOUT);
    private static final String TYPE_NAMES = names(GATEWAY_TYPES.toArray(Enum[]::new));
    private static final String PLATFORM_NAMES = names(Platform.values());

    private final InstantSource clock;
    private final Duration maxClockSkew;
    private final String source;

    public GatewayEventValidator(InstantSource clock, Duration maxClockSkew, String source) {
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
        this.source = source;
    }

    /** An event of a gateway whose key has no name: this instance is its source. */
    public PresenceEvent toEvent(GatewayEventJson item) {
        return toEvent(item, ApiKeyVerifier.UNNAMED);
    }

    /** An event of the gateway named {@code gateway} (by its key), its source. */
    public PresenceEvent toEvent(GatewayEventJson item, String gateway) {
        EventType type = type(item.type());
        String userId = IdRules.requireValidId("userId", item.userId());
        String deviceId = IdRules.requireValidId("deviceId", item.deviceId());
        String connectionId = connectionId(type, item.connectionId());
        Platform platform = platform(type, item.platform());
        Instant timestamp = timestamp(item.timestamp());
        return PresenceEvent.newBuilder()
                .setEventId(eventId(item.eventId()))
                .setTimestamp(timestamp)
                .setSource(gateway.isEmpty() ? source : gateway)
                .setType(type)
                .setUserId(userId)
                .setDeviceId(deviceId)
                .setConnectionId(connectionId)
                .setPlatform(platform)
                .setCustomStatus(null)
                .setLastHeartbeatAt(null)
                .build();
    }

    /**
     * A gateway that names its events makes its retries safe: the same eventId at the same timestamp
     * is a duplicate to the fold (R-SES-7). Without one, a retried call's events are new events.
     */
    private static String eventId(String eventId) {
        if (eventId == null) {
            return UUID.randomUUID().toString();
        }
        if (eventId.isBlank() || eventId.length() > MAX_EVENT_ID_LENGTH) {
            throw ApiException.invalidParameter("field 'eventId' must be 1-" + MAX_EVENT_ID_LENGTH + " characters, not only blanks");
        }
        // it is printed in logs, dead letters and audit histories: no line breaks or other control characters
        if (eventId.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidParameter("field 'eventId' must not contain control characters");
        }
        return eventId;
    }

    private static EventType type(String type) {
        if (type == null) {
            throw ApiException.invalidParameter("field 'type' is required; one of " + TYPE_NAMES);
        }
        return GATEWAY_TYPES.stream().filter(t -> t.name().equals(type)).findFirst()
                .orElseThrow(() -> ApiException.invalidParameter("field 'type' must be one of " + TYPE_NAMES));
    }

    // LOGOUT ends the device's session whatever its connection, so only it may omit the connection
    private static String connectionId(EventType type, String connectionId) {
        if (connectionId == null) {
            if (type == EventType.LOGOUT) {
                return null;
            }
            throw ApiException.invalidParameter("field 'connectionId' is required for " + type);
        }
        if (connectionId.isEmpty() || connectionId.length() > MAX_CONNECTION_ID_LENGTH) {
            throw ApiException.invalidParameter("field 'connectionId' must be 1-" + MAX_CONNECTION_ID_LENGTH + " characters");
        }
        return connectionId;
    }

    private static Platform platform(EventType type, String platform) {
        if (type != EventType.LOGIN) {
            if (platform != null) {
                throw ApiException.invalidParameter("field 'platform' is only allowed on LOGIN");
            }
            return null;
        }
        if (platform == null) {
            throw ApiException.invalidParameter("field 'platform' is required for LOGIN; one of " + PLATFORM_NAMES);
        }
        return Arrays.stream(Platform.values()).filter(p -> p.name().equals(platform)).findFirst()
                .orElseThrow(() -> ApiException.invalidParameter("field 'platform' must be one of " + PLATFORM_NAMES));
    }

    private Instant timestamp(Long timestamp) {
        // events carry milliseconds (timestamp-millis); truncating here keeps the answer and the log in agreement
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (timestamp == null) {
            return now;
        }
        if (timestamp <= 0) {
            throw ApiException.invalidParameter("field 'timestamp' must be positive milliseconds since the epoch");
        }
        Instant at = Instant.ofEpochMilli(timestamp);
        if (at.isAfter(now.plus(maxClockSkew))) {
            throw ApiException.invalidParameter("field 'timestamp' is more than " + maxClockSkew.toSeconds()
                    + " s in the future; check the gateway's clock");
        }
        return at;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
