package io.presence.registry;

import static io.presence.registry.TestSchemas.USER_NAME_AS_INT;
import static io.presence.registry.TestSchemas.USER_V1;
import static io.presence.registry.TestSchemas.USER_WITH_AGE_DEFAULT;
import static io.presence.registry.TestSchemas.USER_WITH_AGE_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.registry.RegistryClient.Reply;
import org.junit.jupiter.api.Test;

class CompatibilityEndpointTest extends RegistryServerTest {

    private static final String LATEST = "/compatibility/subjects/users-value/versions/latest";

    @Test
    void aCompatibleSchemaIsTrueWithNoMessages() {
        registered("users-value", USER_V1);

        Reply reply = client.post(LATEST, RegistryClient.schemaBody(USER_WITH_AGE_DEFAULT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
    }

    @Test
    void anIncompatibleSchemaIsFalseWithMessagesAndRegistersNothing() {
        registered("users-value", USER_V1);

        Reply reply = client.post(LATEST + "?verbose=true", RegistryClient.schemaBody(USER_WITH_AGE_REQUIRED));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(reply.body().get("messages").get(0).asText()).contains("version 1").contains("/fields/1");
        assertThat(client.get("/subjects/users-value/versions").body()).hasSize(1);
    }

    @Test
    void latestOfAnUnknownSubjectIsCompatible() {
        Reply reply = client.post("/compatibility/subjects/nobody-value/versions/latest", RegistryClient.schemaBody(USER_V1));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("is_compatible").asBoolean()).isTrue();
    }

    @Test
    void withoutAVersionTheSubjectsLevelDecidesWhatToCheck() {
        registered("users-value", USER_V1);

        Reply reply = client.post("/compatibility/subjects/users-value/versions", RegistryClient.schemaBody(USER_NAME_AS_INT));

        assertThat(reply.body().get("is_compatible").asBoolean()).isFalse();
    }

    @Test
    void aNumberedVersionIsCheckedAlone() {
        registered("users-value", USER_V1);
        registered("users-value", USER_WITH_AGE_DEFAULT);

        Reply againstTwo = client.post("/compatibility/subjects/users-value/versions/2", RegistryClient.schemaBody(USER_WITH_AGE_REQUIRED));
        Reply againstOne = client.post("/compatibility/subjects/users-value/versions/1", RegistryClient.schemaBody(USER_WITH_AGE_REQUIRED));

        assertThat(againstTwo.body().get("is_compatible").asBoolean()).isTrue();
        assertThat(againstOne.body().get("is_compatible").asBoolean()).isFalse();
    }

    @Test
    void aMissingNumberedVersionIs40402() {
        registered("users-value", USER_V1);

        assertThat(client.post("/compatibility/subjects/users-value/versions/5", RegistryClient.schemaBody(USER_V1)).errorCode())
                .isEqualTo(40402);
        assertThat(client.post("/compatibility/subjects/nobody-value/versions/1", RegistryClient.schemaBody(USER_V1)).errorCode())
                .isEqualTo(40402);
    }

    @Test
    void anInvalidVersionIs42202AndAnInvalidSchema42201() {
        assertThat(client.post("/compatibility/subjects/users-value/versions/abc", RegistryClient.schemaBody(USER_V1)).errorCode())
                .isEqualTo(42202);
        assertThat(client.post(LATEST, RegistryClient.schemaBody("{\"type\":\"nope\"}")).errorCode()).isEqualTo(42201);
    }
}
