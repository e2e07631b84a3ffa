package io.presence.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a small real HTTP server standing in for a registry that is down, then back, or answers "not found". */
class SchemaRegistryClientTest {

    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer registry;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        registry = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        registry.createContext("/schemas/ids/", exchange -> {
            requests.incrementAndGet();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            int answer = status.get();
            String body = switch (answer) {
                case 200 -> "{\"schema\":\"\\\"string\\\"\"}";
                case 404 -> "{\"error_code\":40403,\"message\":\"Schema not found\"}";
                default -> "{\"error_code\":50003,\"message\":\"registry down\"}";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        registry.start();
        client = new SchemaRegistryClient("http://localhost:" + registry.getAddress().getPort(), Duration.ofSeconds(2), 2);
    }

    @AfterEach
    void stop() {
        registry.stop(0);
    }

    @Test
    void aRegistryThatCannotAnswerIsRetriedThenNotAskedAgainForAMomentThenAskedAgain() throws InterruptedException {
        status.set(503);

        assertThatThrownBy(() -> client.schemaById(7)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.isUnavailable()).isTrue());
        assertThat(requests.get()).as("both attempts").isEqualTo(2);

        assertThatThrownBy(() -> client.schemaById(8)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.isUnavailable()).isTrue()).hasMessageContaining("did not answer a moment ago");
        assertThat(requests.get()).as("no request while paused").isEqualTo(2);

        status.set(200);
        Thread.sleep(SchemaRegistryClient.PAUSE_AFTER_OUTAGE.plusMillis(100).toMillis());
        assertThat(client.schemaById(7)).isEqualTo(Schema.create(Schema.Type.STRING));
        assertThat(client.schemaById(8)).isEqualTo(Schema.create(Schema.Type.STRING));
    }

    @Test
    void notFoundIsAnAnswerNeitherRetriedNorPausing() {
        status.set(404);

        assertThatThrownBy(() -> client.schemaById(99)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.isUnavailable()).isFalse());
        assertThatThrownBy(() -> client.schemaById(98)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthAndNeverShownInAMessage() {
        int port = registry.getAddress().getPort();
        SchemaRegistryClient withCredentials = new SchemaRegistryClient("http://api-key:s%40cret@localhost:" + port, Duration.ofSeconds(2), 1);

        assertThat(withCredentials.schemaById(7)).isEqualTo(Schema.create(Schema.Type.STRING));
        assertThat(authorizations).containsExactly("Basic " + Base64.getEncoder().encodeToString("api-key:s@cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(withCredentials.uri()).hasToString("http://localhost:" + port + "/");

        status.set(503);
        assertThatThrownBy(() -> withCredentials.schemaById(8)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("localhost:" + port).hasMessageNotContaining("s@cret").hasMessageNotContaining("s%40cret");
    }

    @Test
    void withoutCredentialsNoAuthorizationIsSent() {
        client.schemaById(7);

        assertThat(authorizations).containsExactly("null");
    }
}
