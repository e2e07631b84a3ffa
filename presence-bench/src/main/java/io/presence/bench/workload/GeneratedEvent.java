package io.presence.bench.workload;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import java.time.Instant;

/**
 * One gateway-side event of a generated workload, before it gets an eventId and a wire format.
 * {@code deviceId}, {@code connectionId}, {@code platform} and {@code customStatus} are null where
 * SPEC §2 says the type has none.
 */
public record GeneratedEvent(EventType type, String userId, String deviceId, String connectionId, Platform platform,
                             String customStatus, long timestamp) {

    public PresenceEvent toPresenceEvent(String eventId, String source) {
        return new PresenceEvent(eventId, Instant.ofEpochMilli(timestamp), source, type, userId, deviceId, connectionId,
                platform, customStatus, null);
    }
}
