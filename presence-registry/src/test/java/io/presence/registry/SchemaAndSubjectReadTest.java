package io.presence.registry;

import static io.presence.registry.TestSchemas.ORDER;
import static io.presence.registry.TestSchemas.USER_V1;
import static io.presence.registry.TestSchemas.USER_WITH_AGE_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.registry.RegistryClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaAndSubjectReadTest extends RegistryServerTest {

    @Test
    void schemaByIdIsTheDecodePathAndCarriesNoSchemaTypeForAvro() {
        int id = registered("users-value", USER_V1);

        Reply reply = client.get("/schemas/ids/" + id + "?fetchMaxId=false&subject=users-value");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("schema").asText()).isEqualTo(USER_V1);
        assertThat(reply.body().has("schemaType")).isFalse();
    }

    @Test
    void anUnknownSchemaIdIs40403() {
        assertThat(client.get("/schemas/ids/42").errorCode()).isEqualTo(40403);
        assertThat(client.get("/schemas/ids/not-a-number").errorCode()).isEqualTo(40403);
    }

    @Test
    void theVersionsOfASchemaIdListEverySubjectUsingIt() {
        int id = registered("b-value", USER_V1);
        client.put("/config/a-value", "{\"compatibility\":\"NONE\"}");
        registered("a-value", ORDER);
        registered("a-value", USER_V1);

        Reply reply = client.get("/schemas/ids/" + id + "/versions");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw()).isEqualTo("[{\"subject\":\"a-value\",\"version\":2},{\"subject\":\"b-value\",\"version\":1}]");
    }

    @Test
    void theSubjectsOfASchemaIdAreListedOnceEach() {
        int id = registered("b-value", USER_V1);
        registered("a-value", USER_V1);

        assertThat(client.get("/schemas/ids/" + id + "/subjects").raw()).isEqualTo("[\"a-value\",\"b-value\"]");
    }

    @Test
    void theSchemaAloneIsServedByIdAndBySubjectVersion() {
        int id = registered("users-value", USER_V1);

        Reply byId = client.get("/schemas/ids/" + id + "/schema");
        Reply byVersion = client.get("/subjects/users-value/versions/latest/schema");

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.raw()).isEqualTo(USER_V1);
        assertThat(byVersion.raw()).isEqualTo(USER_V1);
        assertThat(client.get("/subjects/nobody-value/versions/1/schema").errorCode()).isEqualTo(40401);
        assertThat(client.get("/schemas/ids/4242/schema").errorCode()).isEqualTo(40403);
    }

    @Test
    void theModeIsReadWrite() {
        assertThat(client.get("/mode").raw()).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertThat(client.get("/mode/users-value").raw()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void subjectsListsEverySubjectSorted() {
        registered("users-value", USER_V1);
        registered("orders-value", ORDER);

        assertThat(client.get("/subjects").raw()).isEqualTo("[\"orders-value\",\"users-value\"]");
    }

    @Test
    void versionsOfAnUnknownSubjectIs40401() {
        Reply reply = client.get("/subjects/nobody-value/versions");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40401);
    }

    @Test
    void aVersionIsReadByNumberOrAsLatest() {
        int first = registered("users-value", USER_V1);
        int second = registered("users-value", USER_WITH_AGE_DEFAULT);

        Reply one = client.get("/subjects/users-value/versions/1");
        Reply latest = client.get("/subjects/users-value/versions/latest");
        Reply minusOne = client.get("/subjects/users-value/versions/-1");

        assertThat(one.body().get("id").asInt()).isEqualTo(first);
        assertThat(one.body().get("subject").asText()).isEqualTo("users-value");
        assertThat(one.body().get("schema").asText()).isEqualTo(USER_V1);
        assertThat(latest.body().get("version").asInt()).isEqualTo(2);
        assertThat(latest.body().get("id").asInt()).isEqualTo(second);
        assertThat(minusOne.body()).isEqualTo(latest.body());
    }

    @Test
    void aVersionOfAnUnknownSubjectIs40401() {
        assertThat(client.get("/subjects/nobody-value/versions/latest").errorCode()).isEqualTo(40401);
    }

    @Test
    void aMissingVersionIs40402() {
        registered("users-value", USER_V1);

        Reply reply = client.get("/subjects/users-value/versions/2");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40402);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-2", "1.5", "99999999999"})
    void anInvalidVersionIs42202(String version) {
        registered("users-value", USER_V1);

        Reply reply = client.get("/subjects/users-value/versions/" + version);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42202);
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        int id = registered("users-value", USER_V1);

        assertThat(client.get("/schemas/ids/" + id + "?format=serialized&whatever=1").status()).isEqualTo(200);
        assertThat(client.get("/subjects?verbose=true&subjectPrefix=x").status()).isEqualTo(200);
        assertThat(client.post("/subjects/users-value/versions?normalize=true&foo=bar", RegistryClient.schemaBody(USER_V1))
                .body().get("id").asInt()).isEqualTo(id);
    }
}
