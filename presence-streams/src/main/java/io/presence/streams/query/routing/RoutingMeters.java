package io.presence.streams.query.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How routed lookups end ([presence_query_keys_total{answered_by}]) and how often a peer failed
 * ([presence_query_peer_failures_total]): standby answers and unavailable keys are the signs of a
 * rebalance or a sick instance.
 */
public final class RoutingMeters {

    private final Counter byActive;
    private final Counter byStandby;
    private final Counter unanswered;
    private final Counter peerFailures;

    public RoutingMeters(MeterRegistry registry) {
        byActive = keys(registry, "active");
        byStandby = keys(registry, "standby");
        unanswered = keys(registry, "none");
        peerFailures = Counter.builder("presence.query.peer.failures")
                .description("Internal lookups another instance did not answer usefully in time").register(registry);
    }

    void answered(int byActiveCopies, int byStandbyCopies, int notAnswered) {
        byActive.increment(byActiveCopies);
        byStandby.increment(byStandbyCopies);
        unanswered.increment(notAnswered);
    }

    void peerFailed() {
        peerFailures.increment();
    }

    private static Counter keys(MeterRegistry registry, String answeredBy) {
        return Counter.builder("presence.query.keys")
                .description("Keys looked up by the query API, by the copy that answered them")
                .tag("answered_by", answeredBy).register(registry);
    }
}
