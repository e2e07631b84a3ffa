package io.presence.registry;

import static io.presence.registry.TestSchemas.USER_NAME_AS_INT;
import static io.presence.registry.TestSchemas.USER_V1;
import static io.presence.registry.TestSchemas.USER_WITHOUT_NAME;
import static io.presence.registry.TestSchemas.USER_WITH_AGE_DEFAULT;
import static io.presence.registry.TestSchemas.USER_WITH_AGE_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.registry.RegistryClient.Reply;
import org.junit.jupiter.api.Test;

/** Registration under each compatibility level; the level checks themselves are in CompatibilityCheckerTest. */
class CompatibilityLevelsTest extends RegistryServerTest {

    private static final String SUBJECT = "users-value";

    @Test
    void backwardRejectsAFieldWithoutDefaultWith409And40901() {
        registered(SUBJECT, USER_V1);

        Reply reply = client.register(SUBJECT, USER_WITH_AGE_REQUIRED);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo(40901);
        assertThat(reply.body().get("message").asText()).contains("incompatible").contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(client.get("/subjects/" + SUBJECT + "/versions").body()).hasSize(1);
    }

    @Test
    void backwardAcceptsAFieldWithDefaultAndARemovedField() {
        registered(SUBJECT, USER_V1);

        assertThat(client.register(SUBJECT, USER_WITH_AGE_DEFAULT).status()).isEqualTo(200);
        assertThat(client.register(SUBJECT, USER_WITHOUT_NAME).status()).isEqualTo(200);
    }

    @Test
    void forwardRejectsARemovedFieldAndAcceptsANewRequiredOne() {
        client.put("/config/" + SUBJECT, "{\"compatibility\":\"FORWARD\"}");
        registered(SUBJECT, USER_V1);

        assertThat(client.register(SUBJECT, USER_WITHOUT_NAME).errorCode()).isEqualTo(40901);
        assertThat(client.register(SUBJECT, USER_WITH_AGE_REQUIRED).status()).isEqualTo(200);
    }

    @Test
    void fullNeedsBothDirections() {
        client.put("/config/" + SUBJECT, "{\"compatibility\":\"FULL\"}");
        registered(SUBJECT, USER_V1);

        assertThat(client.register(SUBJECT, USER_WITH_AGE_REQUIRED).errorCode()).isEqualTo(40901);
        assertThat(client.register(SUBJECT, USER_WITHOUT_NAME).errorCode()).isEqualTo(40901);
        assertThat(client.register(SUBJECT, USER_WITH_AGE_DEFAULT).status()).isEqualTo(200);
    }

    @Test
    void noneAcceptsAnything() {
        client.put("/config/" + SUBJECT, "{\"compatibility\":\"NONE\"}");
        registered(SUBJECT, USER_V1);

        assertThat(client.register(SUBJECT, USER_NAME_AS_INT).status()).isEqualTo(200);
    }

    @Test
    void backwardTransitiveChecksEveryVersionWhereBackwardChecksOnlyTheLatest() {
        registered(SUBJECT, USER_V1);
        registered(SUBJECT, USER_WITH_AGE_DEFAULT);
        // reads version 2's data (age present) but not version 1's (age missing, no default)
        assertThat(client.post("/compatibility/subjects/" + SUBJECT + "/versions/latest",
                RegistryClient.schemaBody(USER_WITH_AGE_REQUIRED)).body().get("is_compatible").asBoolean()).isTrue();

        client.put("/config/" + SUBJECT, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");

        assertThat(client.register(SUBJECT, USER_WITH_AGE_REQUIRED).errorCode()).isEqualTo(40901);
    }

    @Test
    void theSubjectLevelOverridesTheGlobalOne() {
        client.put("/config", "{\"compatibility\":\"NONE\"}");
        client.put("/config/" + SUBJECT, "{\"compatibility\":\"BACKWARD\"}");
        registered(SUBJECT, USER_V1);
        registered("other-value", USER_V1);

        assertThat(client.register(SUBJECT, USER_NAME_AS_INT).errorCode()).isEqualTo(40901);
        assertThat(client.register("other-value", USER_NAME_AS_INT).status()).isEqualTo(200);
    }

    @Test
    void reRegisteringAnExistingVersionSkipsTheCheck() {
        registered(SUBJECT, USER_V1);
        client.put("/config/" + SUBJECT, "{\"compatibility\":\"NONE\"}");
        int intId = registered(SUBJECT, USER_NAME_AS_INT);
        client.put("/config/" + SUBJECT, "{\"compatibility\":\"FULL\"}");

        assertThat(registered(SUBJECT, USER_NAME_AS_INT)).isEqualTo(intId);
    }
}
