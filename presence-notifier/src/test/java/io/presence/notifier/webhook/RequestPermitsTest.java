package io.presence.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class RequestPermitsTest {

    // completions run on the calling thread, so each step below is visible at once
    private final RequestPermits permits = new RequestPermits(2, Runnable::run);
    private final List<CompletableFuture<String>> started = new ArrayList<>();

    @Test
    void atMostTheLimitRunAndTheOthersStartInArrivalOrderAsPermitsComeBack() {
        List<CompletionStage<String>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(permits.submit(this::request));
        }
        assertThat(started).hasSize(2);
        assertThat(permits.running()).isEqualTo(2);
        assertThat(permits.waiting()).isEqualTo(3);

        started.get(1).complete("second");
        assertThat(started).hasSize(3);
        assertThat(results.get(1).toCompletableFuture()).isCompletedWithValue("second");

        started.get(0).completeExceptionally(new IllegalStateException("refused"));
        started.get(2).complete("third");
        assertThat(started).hasSize(5);
        assertThat(results.get(0).toCompletableFuture()).isCompletedExceptionally();
        assertThat(permits.running()).isEqualTo(2);
        assertThat(permits.waiting()).isZero();
    }

    @Test
    void aRequestThatFailsBeforeItIsSentGivesItsPermitBack() {
        CompletionStage<String> failed = permits.submit(() -> {
            throw new IllegalArgumentException("bad request");
        });
        permits.submit(this::request);
        permits.submit(this::request);

        assertThat(failed.toCompletableFuture()).isCompletedExceptionally();
        assertThat(started).hasSize(2);
        assertThat(permits.running()).isEqualTo(2);
    }

    private CompletableFuture<String> request() {
        CompletableFuture<String> response = new CompletableFuture<>();
        started.add(response);
        return response;
    }
}
