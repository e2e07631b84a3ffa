package io.presence.streams.query;

import io.javalin.http.Context;
import io.presence.http.ApiException;
import io.presence.http.JsonInput;
import io.presence.http.auth.Caller;
import io.presence.http.auth.JwtVerifier;
import io.presence.http.ratelimit.SlidingWindowRateLimiter;
import io.presence.streams.query.routing.KeyLookup;
import io.presence.streams.query.routing.KeyResult;
import io.presence.streams.query.routing.KeyResults;
import io.presence.streams.query.routing.UnavailableKeysException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/status:query} (GetUserStatus, SPEC §5). Checked in this order: token (40101),
 * body (40001 if it is not JSON of the right shape), then — unless the caller asks only about
 * itself (R-QRY-2) — feature switch (72001) and rate limit (42901), then the ids (40001). The body
 * comes before the limits because only it says whom the call is about; every call about others
 * counts toward the limit, valid or not.
 */
public final class StatusQueryEndpoint {

    /** Everything that shapes the checks, as configured. */
    public record Limits(boolean othersEnabled, SlidingWindowRateLimiter othersLimiter, int maxIds,
                         Duration unavailableRetryAfter) {
    }

    private final JwtVerifier jwt;
    private final KeyLookup lookup;
    private final Limits limits;

    public StatusQueryEndpoint(JwtVerifier jwt, KeyLookup lookup, Limits limits) {
        this.jwt = jwt;
        this.lookup = lookup;
        this.limits = limits;
    }

    public void query(Context ctx) {
        Caller caller = jwt.verifyBearer(ctx.header("Authorization"));
        List<String> asked = JsonInput.read(ctx, StatusQueryJson.class).userIds();
        if (!StatusQueryIds.onlyCaller(asked, caller.userId())) {
            admitQueryOfOthers(caller);
        }
        List<String> userIds = StatusQueryIds.requireValid(asked, limits.maxIds());
        ctx.future(() -> lookup.lookup(StatusJson.USER_STATUS, userIds)
                .thenCompose(results -> answer(userIds, results))
                .thenAccept(ctx::json));
    }

    private void admitQueryOfOthers(Caller caller) {
        if (!limits.othersEnabled()) {
            throw ApiException.featureNotEnabled("querying other users is not enabled"
                    + " (presence.features.query-and-subscribe is off); a user may still query itself");
        }
        limits.othersLimiter().acquire(caller.userId());
    }

    /** Statuses in the order asked; if any id has no readable copy anywhere, the whole call is 50301. */
    private CompletableFuture<StatusesJson> answer(List<String> userIds, KeyResults<StatusJson> results) {
        List<String> unavailable = results.unavailable();
        if (!unavailable.isEmpty()) {
            return CompletableFuture.failedFuture(ApiException.unavailable(unavailable.size() + " of " + userIds.size()
                    + " userIds cannot be read right now (the service is rebalancing or an instance is down); try again",
                    limits.unavailableRetryAfter(), new UnavailableKeysException(results)));
        }
        List<StatusJson> statuses = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            statuses.add(results.get(userId) instanceof KeyResult.Found<StatusJson> found ? found.answer() : StatusJson.unknown(userId));
        }
        return CompletableFuture.completedFuture(new StatusesJson(statuses));
    }
}
