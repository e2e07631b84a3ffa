package io.presence.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo's view of presence-notifier: one user's WebSocket on {@code GET /v1/notifications}, held
 * as a client app holds it. Frames are kept with the moment they arrived, so they can be printed
 * after the rest of the demo's output without losing when they came.
 */
final class NotificationSocketWatch implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** A text frame, or the socket's end (frame null, why in {@code closed}). */
    private record Arrival(Instant at, JsonNode frame, String closed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String userId;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Instant opened = Instant.now();
    private WebSocket socket;

    private NotificationSocketWatch(String userId) {
        this.userId = userId;
    }

    /**
     * Connects as {@code userId} and waits for the notifier's "ready" frame: from then on every
     * notification for that user reaches this socket.
     */
    static NotificationSocketWatch open(URI notifications, String userId, String bearer) {
        NotificationSocketWatch watch = new NotificationSocketWatch(userId);
        try {
            watch.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                    .header("Authorization", bearer).buildAsync(notifications, watch.listener())
                    .get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            watch.ready.get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening " + notifications, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no notification socket at " + notifications + " for " + userId + ": " + e, e);
        }
        return watch;
    }

    /**
     * Prints every notification received so far and those still coming, until one tells that
     * {@code lastUser} went OFFLINE, or gives up after {@code atMost}.
     */
    void printUntilOffline(PrintStream out, String lastUser, Duration atMost) throws InterruptedException {
        out.println();
        out.printf("demo: what %s's app received on its WebSocket (GET /v1/notifications), one line a frame:%n", userId);
        Instant giveUp = Instant.now().plus(atMost);
        while (Instant.now().isBefore(giveUp)) {
            Arrival arrival = arrivals.poll(200, TimeUnit.MILLISECONDS);
            if (arrival == null) {
                continue;
            }
            if (arrival.frame() == null) {
                out.printf("  +%5.1fs  socket closed: %s%n", secondsSinceOpened(arrival), arrival.closed());
                return;
            }
            print(out, arrival);
            JsonNode frame = arrival.frame();
            if (lastUser.equals(frame.path("userId").asText()) && "OFFLINE".equals(frame.path("status").asText())) {
                return;
            }
        }
        out.println("  (no OFFLINE notification for " + lastUser + " yet: is presence-notifier running? see its log)");
    }

    private void print(PrintStream out, Arrival arrival) {
        JsonNode n = arrival.frame();
        if (n.has("type")) {
            out.printf("  +%5.1fs  control frame %s%n", secondsSinceOpened(arrival), n);
            return;
        }
        String custom = n.path("customStatus").asText();
        out.printf("  +%5.1fs  %s ← %-6s %-8s v%-3d %-10s%s%s   id=%s%n", secondsSinceOpened(arrival),
                n.path("recipientId").asText(), n.path("userId").asText(), n.path("status").asText(),
                n.path("version").asLong(), n.path("reason").asText(),
                custom.isEmpty() ? "" : " customStatus=\"" + custom + "\"",
                n.path("lastSeenAt").isNull() ? "" : " lastSeenAt=" + clockTime(n.path("lastSeenAt").asLong()),
                n.path("id").asText());
    }

    private double secondsSinceOpened(Arrival arrival) {
        return Duration.between(opened, arrival.at()).toMillis() / 1000.0;
    }

    /** Always {@code HH:mm:ss.SSS}: LocalTime.toString drops zero milliseconds and seconds. */
    private static String clockTime(long epochMillis) {
        return CLOCK.format(LocalTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneId.systemDefault()));
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    JsonNode frame = parse(partial.toString());
                    partial.setLength(0);
                    if ("ready".equals(frame.path("type").asText())) {
                        ready.complete(null);
                    } else {
                        arrivals.add(new Arrival(Instant.now(), frame, null));
                    }
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                ended("code " + statusCode + (reason.isEmpty() ? "" : " " + reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                ended(String.valueOf(error));
            }
        };
    }

    private void ended(String why) {
        ready.completeExceptionally(new IllegalStateException("socket closed before it was ready: " + why));
        arrivals.add(new Arrival(Instant.now(), null, why));
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("the notifier sent a frame that is not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
