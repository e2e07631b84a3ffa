package io.presence.registry;

import static io.presence.registry.TestSchemas.ORDER;
import static io.presence.registry.TestSchemas.USER_V1;
import static io.presence.registry.TestSchemas.USER_V1_AVSC;
import static io.presence.registry.TestSchemas.USER_WITH_AGE_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.registry.RegistryClient.Reply;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RegisterAndLookupTest extends RegistryServerTest {

    @Test
    void registerAnswers200WithTheIdInTheRegistryMediaType() {
        Reply reply = client.post("/subjects/presence.events-value/versions?normalize=false",
                RegistryClient.json(Map.of("schemaType", "AVRO", "schema", USER_V1)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(reply.body().get("id").asInt()).isEqualTo(1);
    }

    @Test
    void theJavaTextAndThePrettyAvscOfOneSchemaAreOneIdAndOneVersion() {
        int fromJava = registered("users-value", USER_V1);
        int fromAvsc = registered("users-value", USER_V1_AVSC);

        assertThat(fromAvsc).isEqualTo(fromJava);
        assertThat(client.get("/subjects/users-value/versions").body()).hasSize(1);
    }

    @Test
    void theSameSchemaUnderTwoSubjectsHasOneId() {
        int first = registered("a-value", USER_V1);
        int second = registered("b-value", USER_V1_AVSC);

        assertThat(second).isEqualTo(first);
        assertThat(client.get("/subjects/b-value/versions/latest").body().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void idsAreGlobalAndGrowWhileVersionsCountPerSubject() {
        int userV1 = registered("users-value", USER_V1);
        int order = registered("orders-value", ORDER);
        int userV2 = registered("users-value", USER_WITH_AGE_DEFAULT);

        assertThat(List.of(userV1, order, userV2)).containsExactly(1, 2, 3);
        assertThat(versions("users-value")).containsExactly(1, 2);
        assertThat(versions("orders-value")).containsExactly(1);
    }

    @Test
    void theStoredSchemaIsTheCanonicalText() {
        int id = registered("users-value", USER_V1_AVSC);

        String stored = client.get("/schemas/ids/" + id).body().get("schema").asText();

        assertThat(stored).isEqualTo(USER_V1);
        assertThat(new Schema.Parser().parse(stored)).isEqualTo(new Schema.Parser().parse(USER_V1_AVSC));
    }

    @Test
    void fieldsClientsAddAndWeDoNotUseAreIgnored() {
        Reply reply = client.register("users-value", USER_V1);
        Reply withExtras = client.post("/subjects/users-value/versions", RegistryClient.json(Map.of(
                "schema", USER_V1, "schemaType", "AVRO", "references", List.of(),
                "metadata", Map.of("properties", Map.of("owner", "presence")), "ruleSet", Map.of(), "version", 7)));

        assertThat(withExtras.status()).isEqualTo(200);
        assertThat(withExtras.body().get("id")).isEqualTo(reply.body().get("id"));
    }

    @Test
    void lookupFindsTheVersionHoldingTheSchema() {
        registered("users-value", USER_V1);
        int id = registered("users-value", USER_WITH_AGE_DEFAULT);

        Reply reply = client.post("/subjects/users-value?normalize=false&deleted=false",
                RegistryClient.schemaBody(USER_WITH_AGE_DEFAULT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("subject").asText()).isEqualTo("users-value");
        assertThat(reply.body().get("version").asInt()).isEqualTo(2);
        assertThat(reply.body().get("id").asInt()).isEqualTo(id);
        assertThat(new Schema.Parser().parse(reply.body().get("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(USER_WITH_AGE_DEFAULT));
    }

    @Test
    void lookupUnderAnUnknownSubjectIs40401() {
        Reply reply = client.post("/subjects/nobody-value", RegistryClient.schemaBody(USER_V1));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40401);
    }

    @Test
    void lookupOfASchemaNotUnderTheSubjectIs40403() {
        registered("users-value", USER_V1);
        registered("orders-value", ORDER);

        Reply reply = client.post("/subjects/users-value", RegistryClient.schemaBody(ORDER));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40403);
    }

    @Test
    void anInvalidSchemaIs42201() {
        Reply reply = client.register("users-value", "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"x\"}]}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42201);
        assertThat(reply.body().get("message").asText()).startsWith("Invalid schema");
    }

    @Test
    void aMissingSchemaIs42201() {
        Reply reply = client.post("/subjects/users-value/versions", "{\"schemaType\":\"AVRO\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42201);
    }

    @Test
    void otherSchemaTypesAre42201() {
        Reply reply = client.post("/subjects/users-value/versions",
                RegistryClient.json(Map.of("schemaType", "PROTOBUF", "schema", "syntax = \"proto3\";")));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42201);
        assertThat(reply.body().get("message").asText()).contains("PROTOBUF").contains("AVRO");
    }

    @Test
    void schemaReferencesAre42201WithAClearMessage() {
        Reply reply = client.post("/subjects/users-value/versions", RegistryClient.json(Map.of("schema", USER_V1,
                "references", List.of(Map.of("name", "io.presence.test.Address", "subject", "address-value", "version", 1)))));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42201);
        assertThat(reply.body().get("message").asText()).contains("references").contains("not supported");
    }

    @Test
    void subjectsAreUrlDecoded() {
        registered("with%20space", USER_V1);
        registered("with%2Fslash", ORDER);
        registered("with+plus", ORDER);

        assertThat(client.get("/subjects").body()).extracting(n -> n.asText())
                .containsExactly("with space", "with+plus", "with/slash");
    }

    private List<Integer> versions(String subject) {
        return RegistryClient.JSON.convertValue(client.get("/subjects/" + subject + "/versions").body(),
                RegistryClient.JSON.getTypeFactory().constructCollectionType(List.class, Integer.class));
    }
}
