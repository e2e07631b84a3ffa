package io.presence.streams.topology;

import static io.presence.streams.topology.PresenceDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.SubscriptionCommand;
import io.presence.avro.SubscriptionCommandType;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.SessionTimeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-SUB-4 through the topology, on the driver's mocked wall clock: a subscriber OFFLINE or
 * UNLOGINED for the retention (24 h) loses its list. Heartbeats time out after 2 days here, so an
 * online subscriber stays online while the clock moves a day.
 */
class SubscriptionRetentionTopologyTest {

    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration TICK = Duration.ofMillis(250);

    @TempDir
    Path stateDir;

    private PresenceDriver presence;
    private final PresenceEvents gateway = new PresenceEvents();
    private final PresenceCommands ingest = new PresenceCommands();

    @BeforeEach
    void start() {
        presence = new PresenceDriver(new TopologySettings(
                new SessionTimeouts(Duration.ofDays(2), Map.of(), Duration.ofDays(30)),
                new DetectorSettings(TICK, 10_000, 1_000)), stateDir);
    }

    @AfterEach
    void stop() {
        presence.close();
    }

    @Test
    void R_SUB_4_aSubscriberOfflineForTheRetentionLosesItsListByWallClock() {
        presence.pipe(gateway.login("sam", "phone", "c1", T0));
        presence.pipe(ingest.subscribe("sam", T0 + 1_000, "a", "b"));
        // sam is last seen at t+2s
        presence.pipe(gateway.disconnect("sam", "phone", "c1", T0 + 2_000));

        // when: the subscribe's timer comes due at t+24h+1s, sam has been offline for a second less than that
        presence.wallClockAt(RETENTION.plusSeconds(1).plus(TICK));
        assertThat(presence.subscriptionsOf("sam")).containsExactly("a", "b");

        presence.wallClockAt(RETENTION.plusSeconds(2).plus(TICK).plus(TICK));

        assertThat(presence.subscriptionsOf("sam")).isEmpty();
        SubscriptionCommand proposal = presence.subscriptionsWritten.readValue();
        assertThat(proposal.getType()).as("exactly the targets seen, so a racing subscription survives")
                .isEqualTo(SubscriptionCommandType.UNSUBSCRIBE);
        assertThat(proposal.getTargetIds()).containsExactly("a", "b");
        assertThat(proposal.getTimestamp()).as("stamped with the moment the list became clearable")
                .isEqualTo(Instant.ofEpochMilli(T0 + 2_000 + RETENTION.toMillis()));
        assertThat(presence.counter("presence.subscription.retention.clears")).isEqualTo(1);
    }

    @Test
    void R_SUB_4_anOnlineSubscriberKeepsItsList() {
        presence.pipe(gateway.login("sam", "phone", "c1", T0));
        presence.pipe(ingest.subscribe("sam", T0 + 1_000, "a"));

        presence.wallClockAt(RETENTION.multipliedBy(3).dividedBy(2));

        assertThat(presence.subscriptionsOf("sam")).containsExactly("a");
        assertThat(presence.subscriptionsWritten.isEmpty()).isTrue();
    }

    @Test
    void R_SUB_4_aSubscriberNeverOnlineKeepsItsListForARetentionAfterSubscribing() {
        // sam subscribes over HTTP without any device: UNLOGINED all along
        presence.pipe(ingest.subscribe("sam", T0, "a"));

        presence.wallClockAt(RETENTION.minusSeconds(1));
        assertThat(presence.subscriptionsOf("sam")).containsExactly("a");

        presence.wallClockAt(RETENTION.plus(TICK));
        assertThat(presence.subscriptionsOf("sam")).isEmpty();
    }

    @Test
    void R_SUB_4_subscribingAgainWhileOfflineStartsTheRetentionOver() {
        presence.pipe(ingest.subscribe("sam", T0, "a"));
        presence.pipe(ingest.subscribe("sam", T0 + Duration.ofHours(20).toMillis(), "b"));

        presence.wallClockAt(RETENTION.plus(TICK));
        assertThat(presence.subscriptionsOf("sam")).containsExactly("a", "b");

        presence.wallClockAt(RETENTION.plusHours(20).plus(TICK));
        assertThat(presence.subscriptionsOf("sam")).isEmpty();
    }

    @Test
    void R_SUB_4_aSubscriberThatWentOfflineLaterIsClearedARetentionAfterThat() {
        presence.pipe(gateway.login("sam", "phone", "c1", T0));
        presence.pipe(ingest.subscribe("sam", T0, "a"));
        // sam's timer comes due while sam is online: it is re-filed, not dropped
        presence.wallClockAt(RETENTION.plus(TICK));
        presence.pipe(gateway.heartbeat("sam", "phone", "c1", T0 + RETENTION.toMillis() + 1_000));
        presence.pipe(gateway.logout("sam", "phone", T0 + RETENTION.toMillis() + 2_000));

        presence.wallClockAt(RETENTION.multipliedBy(2).plusSeconds(1));
        assertThat(presence.subscriptionsOf("sam")).containsExactly("a");

        presence.wallClockAt(RETENTION.multipliedBy(2).plusSeconds(2).plus(TICK));
        assertThat(presence.subscriptionsOf("sam")).isEmpty();
    }

    @Test
    void R_SUB_4_nothingIsClearedWhileTheTaskReplaysABacklog() {
        presence.pipe(ingest.subscribe("sam", T0, "a"));
        presence.recordsBehind.set(1_000_000);

        presence.wallClockAt(RETENTION.plusHours(1));
        assertThat(presence.subscriptionsOf("sam")).containsExactly("a");

        presence.recordsBehind.set(0);
        presence.wallClockAt(RETENTION.plusHours(1).plus(TICK));
        assertThat(presence.subscriptionsOf("sam")).isEmpty();
    }
}
