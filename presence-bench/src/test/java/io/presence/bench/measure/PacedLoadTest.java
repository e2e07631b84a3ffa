package io.presence.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacedLoadTest {

    @Test
    void makesRateTimesDurationCallsNumberedFromZero() {
        List<Integer> made = new CopyOnWriteArrayList<>();

        PacedLoad.Outcome outcome = new PacedLoad((k, due) -> {
            made.add(k);
            return CompletableFuture.completedFuture(k);
        }).run(100, Duration.ofMillis(200));

        assertThat(made).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(outcome.calls()).isEqualTo(20);
        assertThat(outcome.latency().count()).isEqualTo(20);
        assertThat(outcome.failed()).isZero();
    }

    @Test
    void latencyRunsUntilTheAnswerArrives() {
        PacedLoad.Outcome outcome = new PacedLoad((k, due) -> CompletableFuture.supplyAsync(() -> k,
                CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS))).run(50, Duration.ofMillis(100));

        assertThat(outcome.latency().p50Ms()).isGreaterThanOrEqualTo(30);
        assertThat(outcome.latencyIfAllSucceeded()).isEqualTo(outcome.latency());
    }

    @Test
    void countsFailedAndThrowingCallsAndKeepsTheFirstFailure() {
        PacedLoad.Outcome outcome = new PacedLoad((k, due) -> {
            if (k == 3) {
                throw new IllegalArgumentException("call 3 could not start");
            }
            return k % 2 == 0 ? CompletableFuture.completedFuture(k)
                    : CompletableFuture.failedFuture(new IllegalStateException("wrong answer " + k));
        }).run(100, Duration.ofMillis(100));

        assertThat(outcome.calls()).isEqualTo(10);
        assertThat(outcome.failed()).isEqualTo(5);
        assertThat(outcome.latency().count()).isEqualTo(10);
        assertThat(outcome.firstFailure()).hasMessageContaining("wrong answer 1");
        assertThatThrownBy(outcome::latencyIfAllSucceeded).hasMessageContaining("5 of 10 calls failed");
    }
}
