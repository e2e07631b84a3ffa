package io.presence.registry;

import static io.presence.registry.TestSchemas.USER_V1;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.registry.RegistryClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What clients see when they get it wrong: always {"error_code", "message"} JSON, never a 5xx. */
class ErrorContractTest extends RegistryServerTest {

    private static final List<String> ROUTES = List.of(
            "POST /subjects/s/versions", "POST /subjects/s", "POST /compatibility/subjects/s/versions/latest",
            "POST /compatibility/subjects/s/versions/1", "POST /compatibility/subjects/s/versions",
            "PUT /config", "PUT /config/s", "GET /schemas/ids/1", "GET /schemas/ids/1/versions", "GET /subjects",
            "GET /subjects/s/versions", "GET /subjects/s/versions/latest", "GET /subjects/s/versions/1",
            "GET /config", "GET /config/s", "DELETE /config/s", "DELETE /subjects/s", "DELETE /subjects/s/versions/1",
            "GET /schemas/types", "GET /", "POST /", "PATCH /subjects/s/versions", "GET /subjects/s/versions/latest/schema");

    private static final List<String> GARBAGE = List.of(
            "", "{", "null", "[]", "[1,2]", "42", "\"text\"", "{\"schema\":{}}", "{\"schema\":[\"a\"]}",
            "{\"schema\":5}", "{\"schema\":true}", "{\"schema\":\"\"}", "{\"schema\":\"{\\\"type\\\":\\\"record\\\"}\"}",
            "{\"schema\":\"\\\"string\\\"\",\"schemaType\":7}", "{\"schema\":\"\\\"int\\\"\",\"references\":{}}",
            "{\"compatibility\":[]}", "{\"compatibility\":null}", "{\"compatibility\":\"FULL\"} trailing",
            "{\"schema\":\"" + "[".repeat(5000) + "\"}", "\u0000\u0001\u0002", "[".repeat(5000), "{\"schema\":\"\\\"int\\\"\"}");

    @Test
    void malformedJsonIs400WithErrorCode400() {
        Reply reply = client.post("/subjects/users-value/versions", "{\"schema\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(400);
        assertThat(reply.body().get("message").asText()).startsWith("Invalid request body");
    }

    @Test
    void aFieldOfTheWrongTypeIs400() {
        assertThat(client.post("/subjects/users-value/versions", "{\"schema\":{\"type\":\"string\"}}").errorCode()).isEqualTo(400);
        assertThat(client.put("/config", "{\"compatibility\":{}}").errorCode()).isEqualTo(400);
    }

    @Test
    void anEmptyBodyIs400() {
        assertThat(client.post("/subjects/users-value/versions", "").errorCode()).isEqualTo(400);
    }

    @Test
    void anUnknownRouteIsA404InJson() {
        Reply reply = client.get("/no/such/route");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
    }

    /** Confluent serdes >= 8.0.4 probe associations and fall back to TopicNameStrategy on 404. */
    @Test
    void theAssociationsProbeIs404() {
        Reply reply = client.get("/associations/resources/-/presence.events?resourceType=topic&associationType=value");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().has("error_code")).isTrue();
    }

    @Test
    void aKnownPathWithAnotherMethodIs405InJson() {
        Reply reply = client.send("PATCH", "/subjects/s/versions", "{}");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.errorCode()).isEqualTo(405);
        assertThat(reply.allow()).isEqualTo("GET, POST");
    }

    @Test
    void aBodyOverTheSizeLimitIs413InJson() {
        Reply reply = client.post("/subjects/users-value/versions", RegistryClient.schemaBody("x".repeat(2_000_000)));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "text/plain", "application/octet-stream"})
    void anyRequestContentTypeIsReadAsJson(String contentType) throws IOException {
        String body = RegistryClient.schemaBody(USER_V1);
        String response = raw("POST /subjects/users-value/versions HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType
                + "\r\nAccept: text/html\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(response).startsWith("HTTP/1.1 200").endsWith("{\"id\":1}");
    }

    @Test
    void aPathJettyCannotParseIsStillAJsonError() throws IOException {
        String response = raw("GET /subjects/%zz/versions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").contains("application/vnd.schemaregistry.v1+json")
                .contains("\"error_code\":400");
    }

    @Test
    void noBodyOnAnyRouteCausesAServerError() {
        for (String route : ROUTES) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            for (String body : GARBAGE) {
                Reply reply = client.send(method, path, body);
                assertThat(reply.status()).as("%s with %s", route, body).isLessThan(500);
                if (reply.status() >= 400) {
                    assertThat(reply.body()).as("%s with %s: %s", route, body, reply.raw()).isNotNull();
                    assertThat(reply.body().has("error_code")).as("%s with %s", route, body).isTrue();
                    assertThat(reply.body().get("message").isTextual()).as("%s with %s", route, body).isTrue();
                }
            }
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
