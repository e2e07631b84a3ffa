package io.presence.ingest.status;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.presence.avro.EventType;
import io.presence.avro.PresenceEvent;
import io.presence.http.JsonInput;
import io.presence.http.auth.Caller;
import io.presence.http.auth.JwtVerifier;
import io.presence.ingest.EventIdAnswer;
import io.presence.ingest.kafka.PresenceLog;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * {@code PUT /v1/me/status} (SetSelfStatus): logs SET_CUSTOM_STATUS for the caller and answers 202
 * once it is durable. Whether it applies is the fold's decision (R-CUS-1: only while ONLINE).
 */
public final class CustomStatusEndpoint {

    private final JwtVerifier jwt;
    private final PresenceLog log;
    private final InstantSource clock;
    private final String source;

    public CustomStatusEndpoint(JwtVerifier jwt, PresenceLog log, InstantSource clock, String source) {
        this.jwt = jwt;
        this.log = log;
        this.clock = clock;
        this.source = source;
    }

    public void put(Context ctx) {
        Caller caller = jwt.verifyBearer(ctx.header("Authorization"));
        String text = CustomStatusRule.requireValid(JsonInput.read(ctx, CustomStatusJson.class).customStatus());
        PresenceEvent event = PresenceEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTimestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setSource(source)
                .setType(EventType.SET_CUSTOM_STATUS)
                .setUserId(caller.userId())
                .setDeviceId(null)
                .setConnectionId(null)
                .setPlatform(null)
                .setCustomStatus(text)
                .setLastHeartbeatAt(null)
                .build();
        ctx.future(() -> log.appendEvents(List.of(event))
                .thenRun(() -> ctx.status(HttpStatus.ACCEPTED).json(new EventIdAnswer(event.getEventId()))));
    }
}
