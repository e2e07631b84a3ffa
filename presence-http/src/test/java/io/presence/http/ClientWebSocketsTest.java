package io.presence.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.presence.http.auth.JwtVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client WebSocket upgrade over a real socket: a valid token opens it, anything else is 401 with the error body. */
class ClientWebSocketsTest {

    private static final String SECRET = "websocket-test-secret-0123456789abcdef";

    private HttpEdge edge;

    @BeforeEach
    void start() {
        edge = new HttpEdge(EdgeSettings.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ReadinessCheck.alwaysReady());
        ClientWebSockets.declare(edge.app(), "/v1/echo", new JwtVerifier(SECRET),
                ws -> ws.onConnect(ctx -> ctx.send("hello " + ClientWebSockets.caller(ctx).userId())));
        edge.start(0);
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void aBearerHeaderOpensTheSocketAsItsSubject() throws Exception {
        CompletableFuture<String> greeting = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token("alice", SECRET))
                .buildAsync(URI.create("ws://localhost:" + edge.port() + "/v1/echo"), firstText(greeting))
                .get(5, TimeUnit.SECONDS);
        assertThat(greeting.get(5, TimeUnit.SECONDS)).isEqualTo("hello alice");
        socket.abort();
    }

    @Test
    void anAccessTokenParameterOpensTheSocketAsItsSubject() throws Exception {
        CompletableFuture<String> greeting = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + edge.port() + "/v1/echo?access_token=" + token("bob", SECRET)), firstText(greeting))
                .get(5, TimeUnit.SECONDS);
        assertThat(greeting.get(5, TimeUnit.SECONDS)).isEqualTo("hello bob");
        socket.abort();
    }

    @Test
    void aPlainGetWithoutUpgradeIs40001SayingItIsAWebSocket() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + edge.port() + "/v1/echo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JsonInput.mapper().readTree(response.body());
        assertThat(body.path("code").asInt()).isEqualTo(40001);
        assertThat(body.path("message").asText()).contains("WebSocket");
    }

    @Test
    void anUpgradeWithoutTokenIs401WithTheErrorBody() throws Exception {
        String answer = upgrade("/v1/echo", null);
        assertThat(answer).startsWith("HTTP/1.1 401");
        JsonNode body = body(answer);
        assertThat(body.path("code").asInt()).isEqualTo(40101);
        assertThat(body.path("message").asText()).contains("access_token");
    }

    @Test
    void anUpgradeWithATokenSignedByAnotherSecretIs401WithTheErrorBody() throws Exception {
        String answer = upgrade("/v1/echo?access_token=" + token("alice", "another-secret-0123456789abcdef"), null);
        assertThat(answer).startsWith("HTTP/1.1 401");
        assertThat(body(answer).path("message").asText()).isEqualTo("token signature is invalid");
    }

    @Test
    void aBadHeaderIsNotRescuedByAGoodParameter() throws Exception {
        String answer = upgrade("/v1/echo?access_token=" + token("alice", SECRET), "Basic abc");
        assertThat(answer).startsWith("HTTP/1.1 401");
        assertThat(body(answer).path("code").asInt()).isEqualTo(40101);
    }

    private static String token(String userId, String secret) {
        return JWT.create().withSubject(userId).withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.HMAC256(secret));
    }

    private static WebSocket.Listener firstText(CompletableFuture<String> text) {
        return new WebSocket.Listener() {
            @Override
            public CompletableFuture<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.complete(data.toString());
                return null;
            }
        };
    }

    // a raw request: java.net.http does not let a caller see the body of a refused upgrade
    private String upgrade(String pathAndQuery, String authorization) throws IOException {
        try (Socket socket = new Socket("localhost", edge.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readAnswer(socket.getInputStream());
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return head + new String(body, StandardCharsets.UTF_8);
    }

    private static JsonNode body(String answer) throws IOException {
        return JsonInput.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }
}
