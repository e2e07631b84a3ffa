package io.presence.notifier.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * Webhook attempts (Prometheus names in brackets): [presence_notifier_webhook_attempts_total{status}],
 * [presence_notifier_webhook_successes_total], [presence_notifier_webhook_failures_total{status}].
 * {@code status} is the HTTP status, or {@code timeout} / {@code io-error} when there was no answer;
 * HTTP statuses are a small fixed set, so the series stay bounded. Requests open now and waiting for
 * their turn: [presence_notifier_webhook_requests{state="running"|"waiting"}].
 */
final class WebhookMeters {

    private final MeterRegistry registry;
    private final Counter successes;

    WebhookMeters(MeterRegistry registry, RequestPermits permits) {
        this.registry = registry;
        requests(permits, "running", RequestPermits::running);
        requests(permits, "waiting", RequestPermits::waiting);
        this.successes = Counter.builder("presence.notifier.webhook.successes")
                .description("Webhook attempts answered 2xx").register(registry);
    }

    private void requests(RequestPermits permits, String state, ToDoubleFunction<RequestPermits> count) {
        Gauge.builder("presence.notifier.webhook.requests", permits, count)
                .description("Webhook requests open now (running) or waiting for one of max-concurrent-requests (waiting)")
                .tag("state", state).register(registry);
    }

    void attempted(String status, boolean succeeded) {
        Counter.builder("presence.notifier.webhook.attempts").description("Webhook POSTs, by outcome status")
                .tag("status", status).register(registry).increment();
        if (succeeded) {
            successes.increment();
        } else {
            Counter.builder("presence.notifier.webhook.failures").description("Webhook attempts not answered 2xx")
                    .tag("status", status).register(registry).increment();
        }
    }
}
