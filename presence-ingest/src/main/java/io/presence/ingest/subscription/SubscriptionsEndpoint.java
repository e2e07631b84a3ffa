package io.presence.ingest.subscription;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.presence.avro.SubscriptionCommand;
import io.presence.avro.SubscriptionCommandType;
import io.presence.http.ApiException;
import io.presence.http.JsonInput;
import io.presence.http.auth.Caller;
import io.presence.http.auth.JwtVerifier;
import io.presence.http.ratelimit.SlidingWindowRateLimiter;
import io.presence.ingest.EventIdAnswer;
import io.presence.ingest.kafka.PresenceLog;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST} / {@code DELETE /v1/me/subscriptions} (SubscribeUserStatus, UnsubscribeUserStatus):
 * logs a SubscriptionCommand keyed by the caller and answers 202 once it is durable. Checked in
 * this order: token (40101), feature switch (72001), rate limit (42901), body (40001) — so a caller
 * over its limit costs no parsing, and every call counts toward the limit.
 */
public final class SubscriptionsEndpoint {

    /** Everything that shapes the checks, as configured. */
    public record Limits(boolean featureEnabled, int maxIds, SlidingWindowRateLimiter subscribeLimiter,
                         SlidingWindowRateLimiter unsubscribeLimiter) {
    }

    private final JwtVerifier jwt;
    private final PresenceLog log;
    private final Limits limits;
    private final InstantSource clock;
    private final String source;

    public SubscriptionsEndpoint(JwtVerifier jwt, PresenceLog log, Limits limits, InstantSource clock, String source) {
        this.jwt = jwt;
        this.log = log;
        this.limits = limits;
        this.clock = clock;
        this.source = source;
    }

    public void subscribe(Context ctx) {
        Caller caller = admit(ctx, limits.subscribeLimiter());
        List<String> targets = readTargets(ctx, caller);
        if (targets.isEmpty()) {
            throw ApiException.invalidParameter("field 'userIds' must name at least one user");
        }
        write(ctx, command(SubscriptionCommandType.SUBSCRIBE, caller, targets));
    }

    /** An empty list clears every subscription of the caller (R-SUB-3). */
    public void unsubscribe(Context ctx) {
        Caller caller = admit(ctx, limits.unsubscribeLimiter());
        List<String> targets = readTargets(ctx, caller);
        SubscriptionCommandType type = targets.isEmpty() ? SubscriptionCommandType.CLEAR : SubscriptionCommandType.UNSUBSCRIBE;
        write(ctx, command(type, caller, targets));
    }

    private Caller admit(Context ctx, SlidingWindowRateLimiter limiter) {
        Caller caller = jwt.verifyBearer(ctx.header("Authorization"));
        if (!limits.featureEnabled()) {
            throw ApiException.featureNotEnabled("subscribing to other users is not enabled"
                    + " (presence.features.query-and-subscribe is off)");
        }
        limiter.acquire(caller.userId());
        return caller;
    }

    private List<String> readTargets(Context ctx, Caller caller) {
        List<String> ids = JsonInput.read(ctx, SubscriptionRequestJson.class).userIds();
        return SubscriptionTargets.requireValid(ids, caller.userId(), limits.maxIds());
    }

    private SubscriptionCommand command(SubscriptionCommandType type, Caller caller, List<String> targets) {
        return SubscriptionCommand.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTimestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setSource(source)
                .setType(type)
                .setSubscriberId(caller.userId())
                .setTargetIds(targets)
                .build();
    }

    private void write(Context ctx, SubscriptionCommand command) {
        ctx.future(() -> log.appendSubscription(command)
                .thenRun(() -> ctx.status(HttpStatus.ACCEPTED).json(new EventIdAnswer(command.getEventId()))));
    }
}
