package io.presence.notifier.webhook;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.presence.notifier.delivery.Notification;
import io.presence.notifier.delivery.PushChannel;
import io.presence.notifier.delivery.PushResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a notification to {@code presence.push.webhook-url} (SPEC §9): a signed JSON POST; 2xx is
 * delivered, anything else or no answer is retried with exponential backoff and jitter (resilience4j
 * Retry) until {@code presence.push.retry.max-attempts} attempts were made. A 429 or 503 with
 * {@code Retry-After} waits at least as long as the receiver asks, never longer than
 * {@code presence.push.retry.max-backoff} (so the budget stays what it is configured to be). At most
 * {@code presence.push.max-concurrent-requests} requests are open at once. Nothing blocks: requests
 * are asynchronous, the waits between attempts are timers on the scheduler, and a request waiting for
 * its turn holds no thread.
 */
public final class WebhookPush implements PushChannel {

    private static final Logger log = LoggerFactory.getLogger(WebhookPush.class);
    private static final double BACKOFF_MULTIPLIER = 2.0;

    private final PushSettings settings;
    private final Optional<WebhookSigner> signer;
    private final HttpClient http;
    private final Retry retry;
    private final ScheduledExecutorService scheduler;
    private final WebhookMeters meters;
    private final InstantSource clock;
    private final RequestPermits permits;

    public WebhookPush(PushSettings settings, ScheduledExecutorService scheduler, MeterRegistry registry, InstantSource clock) {
        this.settings = settings;
        this.signer = settings.webhookUrl().map(url -> new WebhookSigner(settings.webhookSecret()));
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        this.retry = Retry.of("webhook", RetryConfig.<PushResult>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction(backoff(settings))
                .retryOnResult(PushResult::isRetriable)
                .failAfterMaxAttempts(false)
                .build());
        this.scheduler = scheduler;
        this.clock = clock;
        this.permits = new RequestPermits(settings.maxConcurrentRequests(), scheduler);
        this.meters = new WebhookMeters(registry, permits);
    }

    /** Exponential with jitter; raised to what the receiver's {@code Retry-After} asked, up to the maximum backoff. */
    static IntervalBiFunction<PushResult> backoff(PushSettings settings) {
        IntervalFunction exponential = IntervalFunction.ofExponentialRandomBackoff(
                settings.initialBackoff(), BACKOFF_MULTIPLIER, settings.jitter(), settings.maxBackoff());
        Duration max = settings.maxBackoff();
        return (attempt, outcome) -> {
            long wait = exponential.apply(attempt);
            Duration asked = outcome.isRight() && outcome.get() != null ? outcome.get().retryAfter() : null;
            // compared as durations: a receiver may ask for more seconds than fit in a long of millis
            return asked == null ? wait : Math.max(wait, (asked.compareTo(max) < 0 ? asked : max).toMillis());
        };
    }

    @Override
    public boolean enabled() {
        return settings.webhookUrl().isPresent();
    }

    @Override
    public CompletionStage<PushResult> push(Notification notification, AttemptGate gate) {
        URI url = settings.webhookUrl().orElseThrow(() -> new IllegalStateException("no presence.push.webhook-url configured"));
        AtomicInteger attempts = new AtomicInteger();
        return retry.executeCompletionStage(scheduler, () -> attempt(url, notification, gate, attempts.incrementAndGet()));
    }

    /**
     * Decided when its turn comes, not when it was queued: a socket may have opened or a newer version
     * been delivered meanwhile, and the signature's time is the sending time however long it waited.
     */
    private CompletionStage<PushResult> attempt(URI url, Notification notification, AttemptGate gate, int attempt) {
        return permits.submit(() -> {
            Optional<PushResult> stop = gate.beforeAttempt();
            if (stop.isPresent()) {
                return CompletableFuture.completedFuture(stop.get());
            }
            return http.sendAsync(request(url, notification), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> outcome(notification, attempt, response, error));
        });
    }

    private HttpRequest request(URI url, Notification notification) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, signer.orElseThrow().signature(clock.millis(), notification.json()))
                .POST(HttpRequest.BodyPublishers.ofString(notification.json()));
        if (!settings.webhookAuthorization().isEmpty()) {
            request.header("Authorization", settings.webhookAuthorization());
        }
        return request.build();
    }

    /** The statuses RFC 9110 gives {@code Retry-After} a meaning on for a failed request. */
    private static boolean asksToWait(int status) {
        return status == 429 || status == 503;
    }

    private PushResult outcome(Notification notification, int attempt, HttpResponse<Void> response, Throwable error) {
        if (error == null && response.statusCode() / 100 == 2) {
            meters.attempted(Integer.toString(response.statusCode()), true);
            return PushResult.DELIVERED;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String status = cause == null ? Integer.toString(response.statusCode())
                : cause instanceof HttpTimeoutException ? "timeout" : "io-error";
        meters.attempted(status, false);
        String failure = (cause == null ? "HTTP " + status : status + " (" + cause + ")")
                + " on attempt " + attempt + " of " + settings.maxAttempts();
        log.debug("push of notification {} to {}: {}", notification.id(), notification.recipientId(), failure);
        return PushResult.failed(failure, cause == null && asksToWait(response.statusCode())
                ? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                : null);
    }
}
