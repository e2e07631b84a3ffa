package io.presence.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push receiver as a customer would write it (JDK HttpServer): verifies {@code X-Presence-Signature}
 * over the raw body, records every request, and answers what the test tells it to.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String SECRET = "webhook-test-secret";

    /** One request: the body, whether its signature verified, its Authorization header (or null), and the status it was answered with. */
    record Request(JsonNode body, String signature, boolean signatureValid, String authorization, int answeredWith,
                   long receivedAtNanos) {

        String id() {
            return body.path("id").asText();
        }

        String recipientId() {
            return body.path("recipientId").asText();
        }

        long version() {
            return body.path("version").asLong();
        }

        boolean accepted() {
            return answeredWith / 100 == 2;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<JsonNode> responder = body -> 200;
    private final Map<String, String> retryAfter = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/push", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/push");
    }

    /** The URL with credentials in it, as a receiver behind basic auth is configured ({@code @} in the password encoded). */
    URI url(String user, String password) {
        return URI.create("http://" + user + ":" + password.replace("@", "%40") + "@localhost:" + server.getAddress().getPort() + "/push");
    }

    /** How to answer each request (by its body); may {@link #pause} to play a slow receiver. */
    void answer(ToIntFunction<JsonNode> responder) {
        this.responder = responder;
    }

    /** A {@code Retry-After} value sent with every answer but 2xx to this recipient's pushes, as an overloaded push service does. */
    void askToRetryAfter(String recipientId, String value) {
        retryAfter.put(recipientId, value);
    }

    /** Holds a request's answer back, as a slow receiver does. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The most requests this receiver was answering at the same moment. */
    int mostConcurrentRequests() {
        return mostOpen.get();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requestsFor(String recipientId) {
        return requests.stream().filter(r -> recipientId.equals(r.recipientId())).toList();
    }

    List<Request> acceptedFor(String recipientId) {
        return requestsFor(recipientId).stream().filter(Request::accepted).toList();
    }

    /** The receiver side of SPEC §9: HMAC-SHA256 of "t.body", compared in constant time. */
    static boolean verify(String header, byte[] body, String secret) throws Exception {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try {
            answer(exchange);
        } finally {
            open.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("X-Presence-Signature");
        boolean valid;
        try {
            valid = verify(signature, raw, SECRET);
        } catch (Exception e) {
            throw new IOException("cannot verify", e);
        }
        JsonNode body = JSON.readTree(raw);
        int status = valid ? responder.applyAsInt(body) : 401;
        requests.add(new Request(body, signature, valid, exchange.getRequestHeaders().getFirst("Authorization"), status,
                System.nanoTime()));
        String wait = retryAfter.get(body.path("recipientId").asText());
        if (wait != null && status / 100 != 2) {
            exchange.getResponseHeaders().add("Retry-After", wait);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
