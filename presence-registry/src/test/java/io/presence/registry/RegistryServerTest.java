package io.presence.registry;

import io.presence.registry.catalog.SchemaRegistry;
import io.presence.registry.log.InMemorySchemaLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a registry on a free port over an in-memory log for each test; tests talk to it over HTTP. */
abstract class RegistryServerTest {

    protected final InMemorySchemaLog schemaLog = new InMemorySchemaLog();
    protected SchemaRegistryServer server;
    protected RegistryClient client;

    @BeforeEach
    void startServer() {
        server = new SchemaRegistryServer("127.0.0.1", 0, new SchemaRegistry(schemaLog));
        server.start();
        client = new RegistryClient(server.url());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    protected int registered(String subject, String schema) {
        RegistryClient.Reply reply = client.register(subject, schema);
        if (reply.status() != 200) {
            throw new AssertionError("registering under " + subject + " answered " + reply.status() + " " + reply.raw());
        }
        return reply.body().get("id").asInt();
    }
}
