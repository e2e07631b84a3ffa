package io.presence.streams.subscription;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.presence.http.auth.Caller;
import io.presence.http.auth.JwtVerifier;
import java.util.List;

/**
 * {@code GET /v1/me/subscriptions} (SPEC §9): the caller's subscription list, oldest first, as
 * {@code {"userIds": [...]}}. A caller reads only its own list (the token's {@code sub}), so there
 * is no feature switch or rate limit to pass, as for querying oneself (R-QRY-2).
 */
public final class MySubscriptionsEndpoint {

    /** Where the lists are read: the ledger store, locally or routed to the instance that owns the key. */
    @FunctionalInterface
    public interface Lists {
        /** The subscriber's targets, oldest first; empty for a subscriber without a list. */
        List<String> targetsOf(String subscriberId);
    }

    /** The answer body. */
    public record Answer(List<String> userIds) {
    }

    private final JwtVerifier jwt;
    private final Lists lists;

    public MySubscriptionsEndpoint(JwtVerifier jwt, Lists lists) {
        this.jwt = jwt;
        this.lists = lists;
    }

    public void declareOn(Javalin app) {
        app.get("/v1/me/subscriptions", this::list);
    }

    private void list(Context ctx) {
        Caller caller = jwt.verifyBearer(ctx.header("Authorization"));
        ctx.json(new Answer(lists.targetsOf(caller.userId())));
    }
}
