package io.presence.registry;

import static io.presence.registry.TestSchemas.ORDER;
import static io.presence.registry.TestSchemas.USER_V1;
import static io.presence.registry.TestSchemas.USER_WITH_AGE_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.registry.RegistryClient.Reply;
import io.presence.registry.catalog.RegistryRecord;
import io.presence.registry.catalog.SchemaLog;
import io.presence.registry.catalog.SchemaRegistry;
import io.presence.registry.log.InMemorySchemaLog;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The registry's state is its log: a new server on the same log answers exactly as the old one did. */
class StartupAndRestartTest {

    @Test
    void aRestartKeepsIdsVersionsLevelsAndTheNextId() {
        InMemorySchemaLog log = new InMemorySchemaLog();
        int userV1;
        int order;
        try (SchemaRegistryServer first = started(log)) {
            RegistryClient client = new RegistryClient(first.url());
            userV1 = client.register("users-value", USER_V1).body().get("id").asInt();
            order = client.register("orders-value", ORDER).body().get("id").asInt();
            client.put("/config/users-value", "{\"compatibility\":\"FULL\"}");
            client.put("/config", "{\"compatibility\":\"NONE\"}");
            client.delete("/subjects/orders-value");
        }

        try (SchemaRegistryServer second = started(log)) {
            RegistryClient client = new RegistryClient(second.url());

            assertThat(client.get("/schemas/ids/" + userV1).body().get("schema").asText()).isEqualTo(USER_V1);
            assertThat(client.get("/schemas/ids/" + order).status()).isEqualTo(200);
            assertThat(client.get("/subjects").raw()).isEqualTo("[\"users-value\"]");
            assertThat(client.get("/config/users-value").body().get("compatibilityLevel").asText()).isEqualTo("FULL");
            assertThat(client.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("NONE");
            assertThat(client.register("users-value", USER_V1).body().get("id").asInt()).isEqualTo(userV1);
            Reply next = client.register("users-value", USER_WITH_AGE_DEFAULT);
            assertThat(next.body().get("id").asInt()).isEqualTo(order + 1);
            assertThat(client.get("/subjects/users-value/versions").raw()).isEqualTo("[1,2]");
        }
    }

    @Test
    void untilTheLogIsLoadedHealthIs503AndTheApiAnswers503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SchemaRegistryServer server = new SchemaRegistryServer("127.0.0.1", 0, new SchemaRegistry(new SlowLog(release)));
        CompletableFuture<Integer> started = CompletableFuture.supplyAsync(server::start);
        try {
            RegistryClient client = new RegistryClient("http://localhost:" + boundPort(server));

            assertThat(client.get("/health").status()).isEqualTo(503);
            Reply api = client.get("/subjects");
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.errorCode()).isEqualTo(503);

            release.countDown();
            assertThat(started.get(10, TimeUnit.SECONDS)).isEqualTo(server.port());
            assertThat(client.get("/health").status()).isEqualTo(200);
            assertThat(client.get("/subjects").status()).isEqualTo(200);
        } finally {
            release.countDown();
            started.get(10, TimeUnit.SECONDS);
            server.close();
        }
    }

    private static SchemaRegistryServer started(SchemaLog log) {
        SchemaRegistryServer server = new SchemaRegistryServer("127.0.0.1", 0, new SchemaRegistry(log));
        server.start();
        return server;
    }

    /** Javalin reports the port once Jetty has bound it, before start() returns. */
    private static int boundPort(SchemaRegistryServer server) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> portOrZero(server), port -> port > 0);
    }

    private static int portOrZero(SchemaRegistryServer server) {
        try {
            return server.port();
        } catch (RuntimeException notYetBound) {
            return 0;
        }
    }

    /** A log whose replay waits for the test, like a long _schemas topic. */
    private static final class SlowLog implements SchemaLog {
        private final CountDownLatch release;

        SlowLog(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void replay(Consumer<RegistryRecord> apply) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void append(RegistryRecord record) {
        }

        @Override
        public void close() {
        }
    }
}
