package io.presence.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits for a service's {@code GET /health} to answer 200 (SPEC §9: ready), as an orchestrator's readiness probe does. */
final class HealthWait {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HealthWait() {
    }

    static void await(String service, int port, Duration timeout) throws InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(2)).build();
        long giveUp = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < giveUp) {
            try {
                HttpResponse<String> answer = HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(service + " was not ready within " + timeout + ": " + last);
    }
}
