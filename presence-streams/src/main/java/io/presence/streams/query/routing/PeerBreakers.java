package io.presence.streams.query.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker per peer instance (resilience4j). A peer that keeps failing — down, cut off, or
 * too slow — is skipped by every lookup for a pause, so its keys go straight to a standby instead of
 * each request waiting out the peer timeout again; then one call probes it. It is also what keeps
 * the log to one line per peer going bad or recovering, rather than one per request.
 */
final class PeerBreakers {

    private static final Logger log = LoggerFactory.getLogger(PeerBreakers.class);

    // judged on the last few calls: a lookup makes at most one call per peer, and a dead peer fails every one
    private static final int CALLS_JUDGED = 5;
    private static final int MIN_CALLS = 3;
    private static final float FAILURE_PERCENT = 50;

    private final CircuitBreakerRegistry registry;

    PeerBreakers(Duration pause) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(CALLS_JUDGED)
                .minimumNumberOfCalls(MIN_CALLS)
                .failureRateThreshold(FAILURE_PERCENT)
                .waitDurationInOpenState(pause)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        registry.getEventPublisher().onEntryAdded(added -> logTransitions(added.getAddedEntry()));
    }

    CircuitBreaker of(HostInfo peer) {
        return registry.circuitBreaker(peer.host() + ":" + peer.port());
    }

    private static void logTransitions(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> {
            switch (event.getStateTransition().getToState()) {
                case OPEN -> log.warn("instance {} keeps failing internal lookups; its keys go to standby copies for now",
                        breaker.getName());
                case CLOSED -> log.info("instance {} answers internal lookups again", breaker.getName());
                default -> log.debug("instance {}: {}", breaker.getName(), event.getStateTransition());
            }
        });
    }
}
