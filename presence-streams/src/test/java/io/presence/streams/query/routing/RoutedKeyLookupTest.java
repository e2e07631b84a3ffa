package io.presence.streams.query.routing;

import static io.presence.streams.query.routing.FakeApplication.B;
import static io.presence.streams.query.routing.FakeApplication.C;
import static io.presence.streams.query.routing.FakeApplication.NAMES;
import static io.presence.streams.query.routing.FakeApplication.SELF;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** R-QRY-4: any instance answers any id — how the router finds each key's copy, and what it does when one fails. */
class RoutedKeyLookupTest {

    private static final Duration BACKOFF = Duration.ofMillis(20);
    private static final Duration PAUSE = Duration.ofSeconds(30);

    private final FakeApplication app = new FakeApplication();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void R_QRY_4_ownKeysAreReadHereAndEveryOtherInstanceIsAskedOnceForAllItsKeys() throws Exception {
        app.active(SELF, 0, "p0-a").active(B, 1, "p1-b").active(B, 2, "p2-c").active(C, 3, "p3-d");

        KeyResults<String> results = lookup(routerWithStandbys(), "p3-d", "p1-b", "p0-a", "p2-c", "p2-unknown");

        assertThat(results.asMap()).containsExactly(
                Map.entry("p3-d", new KeyResult.Found<>("answer:p3-d")),
                Map.entry("p1-b", new KeyResult.Found<>("answer:p1-b")),
                Map.entry("p0-a", new KeyResult.Found<>("answer:p0-a")),
                Map.entry("p2-c", new KeyResult.Found<>("answer:p2-c")),
                Map.entry("p2-unknown", new KeyResult.Absent<>()));
        assertThat(app.callsTo(B)).singleElement().satisfies(call -> {
            assertThat(call.keysByPartition()).isEqualTo(Map.of(1, List.of("p1-b"), 2, List.of("p2-c", "p2-unknown")));
            assertThat(call.staleAllowed()).isFalse();
        });
        assertThat(app.callsTo(C)).hasSize(1);
        assertThat(app.callsTo(SELF)).isEmpty();
        assertThat(answeredBy("active")).isEqualTo(5);
    }

    @Test
    void R_QRY_4_instancesAreAskedInParallel() throws Exception {
        app.active(B, 1, "p1-b").active(C, 2, "p2-c");
        app.instance(B).delay = Duration.ofMillis(300);
        app.instance(C).delay = Duration.ofMillis(300);

        long start = System.nanoTime();
        KeyResults<String> results = lookup(routerWithStandbys(), "p1-b", "p2-c");

        assertThat(results.unavailable()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(550));
    }

    @Test
    void R_QRY_4_keysWithoutMetadataYetAreRetriedWithFreshMetadata() throws Exception {
        app.active(SELF, 0, "p0-a").active(B, 1, "p1-b");
        app.unknownPlacementsLeft.set(2);

        KeyResults<String> results = lookup(routerWithStandbys(), "p0-a", "p1-b");

        assertThat(results.asMap()).containsOnly(Map.entry("p0-a", new KeyResult.Found<>("answer:p0-a")),
                Map.entry("p1-b", new KeyResult.Found<>("answer:p1-b")));
    }

    @Test
    void R_QRY_4_aPartitionThatMovedAwayIsReadAtItsNewOwnerInTheNextRound() throws Exception {
        // B no longer has partition 1 (it moved to C), but the first round's metadata still names B
        app.active(B, 1).active(C, 1, "p1-b");
        app.activeOwner.put(1, B);
        app.instance(B).active.remove(1);
        app.instance(B).afterAnswer = () -> app.activeOwner.put(1, C);

        KeyResults<String> results = lookup(routerWithStandbys(), "p1-b");

        assertThat(results.get("p1-b")).isEqualTo(new KeyResult.Found<>("answer:p1-b"));
        assertThat(app.callsTo(B)).hasSize(1);
        assertThat(app.callsTo(C)).singleElement().satisfies(call -> assertThat(call.staleAllowed()).isFalse());
    }

    @Test
    void R_QRY_4_whenTheActiveOwnerDoesNotAnswerThisInstancesStandbyDoesAndTheOwnerIsAskedOnlyOnce() throws Exception {
        app.active(B, 1, "p1-b").standby(SELF, 1, "p1-b");
        app.instance(B).unreachable = true;

        KeyResults<String> results = lookup(routerWithStandbys(), "p1-b");

        assertThat(results.get("p1-b")).isEqualTo(new KeyResult.Found<>("answer:p1-b"));
        assertThat(app.callsTo(B)).hasSize(1);
        assertThat(answeredBy("standby")).isEqualTo(1);
        assertThat(metrics.get("presence.query.peer.failures").counter().count()).isEqualTo(1);
    }

    @Test
    void R_QRY_4_whileThisInstanceRebalancesItsOwnActiveCopyIsReadAllowingStaleReads() throws Exception {
        // an instance left: this one owns every partition now, has no standby anywhere, and its
        // stream thread is not RUNNING yet, so Kafka Streams refuses up-to-date reads for a moment
        app.active(SELF, 0, "p0-a").active(SELF, 1, "p1-b");
        app.instance(SELF).rebalancing = true;

        KeyResults<String> results = lookup(routerWithStandbys(), "p0-a", "p1-b");

        assertThat(results.unavailable()).isEmpty();
        assertThat(results.get("p1-b")).isEqualTo(new KeyResult.Found<>("answer:p1-b"));
        assertThat(app.peerCalls).isEmpty();
    }

    @Test
    void R_QRY_4_aStandbyOnAnotherInstanceIsAskedWithStaleReadsAllowed() throws Exception {
        app.active(B, 1, "p1-b").standby(C, 1, "p1-b");
        app.instance(B).unreachable = true;

        KeyResults<String> results = lookup(routerWithStandbys(), "p1-b");

        assertThat(results.get("p1-b")).isEqualTo(new KeyResult.Found<>("answer:p1-b"));
        assertThat(app.callsTo(C)).singleElement().satisfies(call -> assertThat(call.staleAllowed()).isTrue());
    }

    @Test
    void R_QRY_4_aSlowInstanceCostsOnlyItsOwnKeysAndOnlyOneWait() throws Exception {
        app.active(SELF, 0, "p0-a").active(B, 1, "p1-b").active(C, 2, "p2-c");
        app.instance(B).delay = Duration.ofMillis(300);
        app.instance(B).unreachable = true;

        long start = System.nanoTime();
        KeyResults<String> results = lookup(routerWithStandbys(), "p0-a", "p1-b", "p2-c");

        assertThat(results.get("p0-a")).isEqualTo(new KeyResult.Found<>("answer:p0-a"));
        assertThat(results.get("p2-c")).isEqualTo(new KeyResult.Found<>("answer:p2-c"));
        assertThat(results.unavailable()).containsExactly("p1-b");
        assertThat(app.callsTo(B)).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(550));
        assertThat(answeredBy("none")).isEqualTo(1);
    }

    @Test
    void R_QRY_4_anInstanceThatKeepsFailingIsSkippedByLaterLookupsAndItsKeysGoToStandbys() throws Exception {
        app.active(B, 1, "p1-b").standby(SELF, 1, "p1-b");
        app.instance(B).delay = Duration.ofMillis(200);
        app.instance(B).unreachable = true;
        RoutedKeyLookup router = routerWithStandbys();
        for (int lookup = 0; lookup < 3; lookup++) {
            assertThat(lookup(router, "p1-b").unavailable()).isEmpty();
        }

        long start = System.nanoTime();
        KeyResults<String> results = lookup(router, "p1-b");

        assertThat(results.get("p1-b")).isEqualTo(new KeyResult.Found<>("answer:p1-b"));
        assertThat(app.callsTo(B)).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(150));
    }

    @Test
    void R_QRY_4_aKeyNoCopyCanServeStaysUnavailableWithTheReason() throws Exception {
        app.active(SELF, 0, "p0-a");

        KeyResults<String> results = lookup(routerWithStandbys(), "p0-a", "p4-lost");

        assertThat(results.unavailable()).containsExactly("p4-lost");
        assertThat(results.get("p4-lost")).isInstanceOfSatisfying(KeyResult.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("partition 4"));
        assertThat(new UnavailableKeysException(results)).hasMessageContaining("1 keys unavailable, e.g. 'p4-lost'");
    }

    @Test
    void R_QRY_4_withStandbyReadsOffOnlyActiveOwnersAnswer() throws Exception {
        app.active(B, 1, "p1-b").standby(SELF, 1, "p1-b");
        app.instance(B).unreachable = true;
        RoutedKeyLookup router = new RoutedKeyLookup(app, app, new RoutingSettings(Duration.ofSeconds(1), 2, BACKOFF, false, PAUSE),
                new RoutingMeters(metrics));

        assertThat(lookup(router, "p1-b").unavailable()).containsExactly("p1-b");
    }

    @Test
    void R_QRY_4_anAbsentKeyIsAnAnswerAndNotRetried() throws Exception {
        app.active(B, 1, "p1-other");

        KeyResults<String> results = lookup(routerWithStandbys(), "p1-never-seen");

        assertThat(results.get("p1-never-seen")).isEqualTo(new KeyResult.Absent<>());
        assertThat(app.callsTo(B)).hasSize(1);
    }

    private RoutedKeyLookup routerWithStandbys() {
        return new RoutedKeyLookup(app, app, new RoutingSettings(Duration.ofSeconds(1), 2, BACKOFF, true, PAUSE), new RoutingMeters(metrics));
    }

    private static KeyResults<String> lookup(RoutedKeyLookup router, String... keys) throws Exception {
        return router.lookup(NAMES, List.of(keys)).get(5, TimeUnit.SECONDS);
    }

    private double answeredBy(String copy) {
        return metrics.get("presence.query.keys").tag("answered_by", copy).counter().count();
    }
}
