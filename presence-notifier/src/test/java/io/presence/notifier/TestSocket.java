package io.presence.notifier;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A client of {@code GET /v1/notifications} (the JDK's WebSocket client) that keeps every frame it receives. */
final class TestSocket implements AutoCloseable {

    record Closed(int code, String reason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private WebSocket webSocket;

    private TestSocket() {
    }

    /** Opens a socket as {@code userId}, token in the Authorization header, asking for the ready frame. */
    static TestSocket open(int port, String userId) {
        return open(URI.create("ws://localhost:" + port + "/v1/notifications?ready=true"), "Bearer " + TestTokens.validFor(userId));
    }

    /** Opens a socket as {@code userId}, token as {@code ?access_token=} (as a browser must), asking for the ready frame. */
    static TestSocket openWithQueryToken(int port, String userId) {
        return open(URI.create("ws://localhost:" + port + "/v1/notifications?ready=true&access_token=" + TestTokens.validFor(userId)), null);
    }

    static TestSocket open(URI uri, String authorization) {
        TestSocket socket = new TestSocket();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            socket.webSocket = builder.buildAsync(uri, socket.listener()).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not open " + uri, e);
        }
        return socket;
    }

    /** Waits for the server's "ready" frame: from then on every notification consumed reaches this socket. */
    TestSocket awaitReady() {
        await().atMost(WAIT).until(() -> !control("ready").isEmpty() || closed.isDone());
        if (control("ready").isEmpty()) {
            throw new IllegalStateException("socket closed before it was ready: " + closed.join() + ", frames " + frames);
        }
        return this;
    }

    /** Waits until the socket is either served (null) or closed (how). */
    Closed awaitClosedOrReady() {
        await().atMost(WAIT).until(() -> !control("ready").isEmpty() || closed.isDone());
        return control("ready").isEmpty() ? closed.join() : null;
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** The notification frames (everything that is not a control frame), in arrival order. */
    List<JsonNode> notifications() {
        return frames.stream().filter(frame -> !frame.has("type")).toList();
    }

    List<JsonNode> control(String type) {
        return frames.stream().filter(frame -> type.equals(frame.path("type").asText())).toList();
    }

    List<Long> versionsOf(String userId) {
        return notifications().stream().filter(n -> userId.equals(n.path("userId").asText()))
                .map(n -> n.path("version").asLong()).toList();
    }

    List<Long> awaitVersionsOf(String userId, int count) {
        await().atMost(WAIT).until(() -> versionsOf(userId).size() >= count);
        return versionsOf(userId);
    }

    void sendText(String text) {
        webSocket.sendText(text, true).join();
    }

    /** Sends without waiting: the server may close the socket while the frame is still going out. */
    void sendTextUnawaited(String text) {
        webSocket.sendText(text, true);
    }

    void sendBinary(byte[] bytes) {
        webSocket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    Closed awaitClosed() {
        await().atMost(WAIT).until(closed::isDone);
        return closed.join();
    }

    @Override
    public void close() {
        webSocket.abort();
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(parse(partial.toString()));
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                closed.complete(new Closed(1006, String.valueOf(error)));
            }
        };
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
