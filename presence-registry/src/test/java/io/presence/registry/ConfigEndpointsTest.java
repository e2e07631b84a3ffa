package io.presence.registry;

import static io.presence.registry.TestSchemas.USER_V1;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.registry.RegistryClient.Reply;
import org.junit.jupiter.api.Test;

class ConfigEndpointsTest extends RegistryServerTest {

    @Test
    void theGlobalLevelIsBackwardByDefault() {
        Reply reply = client.get("/config");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void puttingTheGlobalLevelEchoesItAndGetShowsIt() {
        Reply put = client.put("/config", "{\"compatibility\":\"FULL\"}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.raw()).isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(client.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("FULL");
    }

    @Test
    void aSubjectWithoutItsOwnLevelIs40408() {
        registered("users-value", USER_V1);

        Reply reply = client.get("/config/users-value");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40408);
    }

    @Test
    void defaultToGlobalAnswersTheGlobalLevelForASubjectWithoutItsOwn() {
        client.put("/config", "{\"compatibility\":\"FORWARD\"}");

        Reply reply = client.get("/config/users-value?defaultToGlobal=true");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
    }

    @Test
    void aSubjectLevelIsEchoedReadBackAndCanBeCleared() {
        Reply put = client.put("/config/users-value", "{\"compatibility\":\"none\"}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.raw()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(client.get("/config/users-value").body().get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(client.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        Reply cleared = client.delete("/config/users-value");

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body().get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(client.get("/config/users-value").errorCode()).isEqualTo(40408);
        assertThat(client.delete("/config/users-value").errorCode()).isEqualTo(40408);
    }

    @Test
    void anInvalidLevelIs42203() {
        assertThat(client.put("/config", "{\"compatibility\":\"SIDEWAYS\"}").errorCode()).isEqualTo(42203);
        assertThat(client.put("/config/users-value", "{\"compatibility\":\"SIDEWAYS\"}").errorCode()).isEqualTo(42203);
        Reply missing = client.put("/config", "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorCode()).isEqualTo(42203);
        assertThat(client.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    /** kafkajs register(): GET config (404 = first time), POST, PUT config; the next time GET must agree. */
    @Test
    void theKafkajsRegisterSequenceWorks() {
        assertThat(client.get("/config/presence-value").errorCode()).isEqualTo(40408);
        assertThat(client.register("presence-value", USER_V1).status()).isEqualTo(200);
        assertThat(client.put("/config/presence-value", "{\"compatibility\":\"BACKWARD\"}").status()).isEqualTo(200);

        Reply second = client.get("/config/presence-value");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }
}
