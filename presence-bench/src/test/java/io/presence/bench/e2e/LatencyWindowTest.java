package io.presence.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.presence.bench.report.LatencySummary;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {

    private static final long MS = 1_000_000;

    // 2 users, 2 rounds from change 1: user 0 v2, user 1 v2 in tick 0; user 0 v3, user 1 v3 in tick 1
    private final Phase phase = new Phase(new ChangePlan("u", 2), 1, 2, 2);
    private final LatencyWindow window = new LatencyWindow(phase);

    @Test
    void timesEachFrameFromTheDueTimeOfTheTickThatCarriedItsEvent() throws InterruptedException {
        window.sent(0, 1_000 * MS);
        window.sent(1, 1_010 * MS);

        window.frame("u0", 2, "OFFLINE", 1_040 * MS);
        window.frame("u1", 2, "OFFLINE", 1_050 * MS);
        window.frame("u0", 3, "ONLINE", 1_030 * MS);
        window.frame("u1", 3, "ONLINE", 1_110 * MS);

        assertThat(window.awaitAll(Duration.ZERO)).isTrue();
        assertThat(window.counts()).isEqualTo(new LatencyWindow.Counts(4, 4, 0, 0, 0));
        assertThat(window.latency().count()).isEqualTo(4);
        assertThat(window.latency().p50Ms()).isCloseTo(40, within(0.1));
        assertThat(window.latency().maxMs()).isCloseTo(100, within(0.1));
    }

    @Test
    void countsDuplicatesUnexpectedStatusesAndFramesOfOtherPhasesWithoutTimingThem() {
        window.sent(0, 0);
        window.sent(1, 10 * MS);

        window.frame("u0", 2, "OFFLINE", 20 * MS);
        window.frame("u0", 2, "OFFLINE", 25 * MS);
        window.frame("u1", 2, "ONLINE", 30 * MS);
        window.frame("u1", 1, "ONLINE", 30 * MS);
        window.frame("u0", 4, "OFFLINE", 30 * MS);
        window.frame("someone-else", 2, "OFFLINE", 30 * MS);

        LatencyWindow.Counts counts = window.counts();
        assertThat(counts).isEqualTo(new LatencyWindow.Counts(4, 2, 1, 1, 3));
        assertThat(counts.missing()).isEqualTo(2);
        assertThat(window.latency().count()).isEqualTo(2);
    }

    @Test
    void theBaselinesFramesCarryNoStatusToCheck() {
        window.sent(0, 0);

        window.frame("u0", 2, null, 5 * MS);

        assertThat(window.counts().unexpectedStatus()).isZero();
        assertThat(window.counts().received()).isEqualTo(1);
    }

    @Test
    void timesAStageEventByEventAmongTheEventsBothWindowsSaw() {
        LatencyWindow frames = new LatencyWindow(phase);
        window.sent(0, 0);
        frames.sent(0, 0);

        window.frame("u0", 2, "OFFLINE", 10 * MS);
        window.frame("u1", 2, "OFFLINE", 12 * MS);
        window.frame("u0", 3, "ONLINE", 14 * MS);
        frames.frame("u1", 2, "OFFLINE", 15 * MS);
        frames.frame("u0", 2, "OFFLINE", 40 * MS);

        LatencySummary hop = window.until(frames);
        assertThat(hop.count()).isEqualTo(2);
        assertThat(hop.p50Ms()).isCloseTo(3, within(0.1));
        assertThat(hop.maxMs()).isCloseTo(30, within(0.1));
    }

    @Test
    void awaitsTheLastFrame() throws InterruptedException {
        window.sent(0, 0);
        window.sent(1, 0);
        window.frame("u0", 2, "OFFLINE", MS);
        window.frame("u1", 2, "OFFLINE", MS);
        window.frame("u0", 3, "ONLINE", MS);
        assertThat(window.awaitAll(Duration.ofMillis(30))).isFalse();

        window.frame("u1", 3, "ONLINE", MS);
        assertThat(window.awaitAll(Duration.ofSeconds(5))).isTrue();
    }
}
