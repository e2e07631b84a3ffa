package io.presence.registry;

import static io.presence.registry.TestSchemas.ORDER;
import static io.presence.registry.TestSchemas.USER_V1;
import static io.presence.registry.TestSchemas.USER_WITH_AGE_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.registry.RegistryClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeleteTest extends RegistryServerTest {

    private int v1;
    private int v2;

    @BeforeEach
    void twoVersions() {
        v1 = registered("users-value", USER_V1);
        v2 = registered("users-value", USER_WITH_AGE_DEFAULT);
        registered("orders-value", ORDER);
    }

    @Test
    void aSoftDeleteHidesTheSubjectButKeepsItsIdsResolvable() {
        Reply reply = client.delete("/subjects/users-value");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw()).isEqualTo("[1,2]");
        assertThat(client.get("/subjects").raw()).isEqualTo("[\"orders-value\"]");
        assertThat(client.get("/subjects?deleted=true").raw()).isEqualTo("[\"orders-value\",\"users-value\"]");
        assertThat(client.get("/subjects/users-value/versions").errorCode()).isEqualTo(40401);
        assertThat(client.get("/subjects/users-value/versions?deleted=true").raw()).isEqualTo("[1,2]");
        assertThat(client.get("/subjects/users-value/versions/latest").errorCode()).isEqualTo(40401);
        assertThat(client.post("/subjects/users-value", RegistryClient.schemaBody(USER_V1)).errorCode()).isEqualTo(40401);
        assertThat(client.get("/schemas/ids/" + v1).status()).isEqualTo(200);
        assertThat(client.get("/schemas/ids/" + v2).status()).isEqualTo(200);
    }

    @Test
    void reRegisteringAfterASoftDeleteKeepsTheIdAndContinuesTheVersions() {
        client.delete("/subjects/users-value");

        assertThat(registered("users-value", USER_V1)).isEqualTo(v1);
        assertThat(client.get("/subjects/users-value/versions").raw()).isEqualTo("[3]");
    }

    @Test
    void softDeletingTwiceIs40404() {
        client.delete("/subjects/users-value");

        Reply reply = client.delete("/subjects/users-value");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40404);
    }

    @Test
    void aPermanentDeleteNeedsASoftDeleteFirst() {
        Reply reply = client.delete("/subjects/users-value?permanent=true");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40405);
        assertThat(client.get("/subjects/users-value/versions").raw()).isEqualTo("[1,2]");
    }

    @Test
    void aPermanentDeleteRemovesTheSubjectForGoodButNotTheIds() {
        client.put("/config/users-value", "{\"compatibility\":\"FULL\"}");
        client.delete("/subjects/users-value");

        Reply reply = client.delete("/subjects/users-value?permanent=true");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw()).isEqualTo("[1,2]");
        assertThat(client.get("/subjects?deleted=true").raw()).isEqualTo("[\"orders-value\"]");
        assertThat(client.get("/subjects/users-value/versions?deleted=true").errorCode()).isEqualTo(40401);
        assertThat(client.delete("/subjects/users-value?permanent=true").errorCode()).isEqualTo(40401);
        assertThat(client.get("/config/users-value").errorCode()).isEqualTo(40408);
        // data written with these ids may still sit on other topics
        assertThat(client.get("/schemas/ids/" + v2).status()).isEqualTo(200);
        assertThat(registered("users-value", USER_WITH_AGE_DEFAULT)).isEqualTo(v2);
        assertThat(client.get("/subjects/users-value/versions").raw()).isEqualTo("[1]");
    }

    @Test
    void deletingAnUnknownSubjectIs40401() {
        assertThat(client.delete("/subjects/nobody-value").errorCode()).isEqualTo(40401);
    }

    @Test
    void oneVersionCanBeSoftAndThenPermanentlyDeleted() {
        Reply soft = client.delete("/subjects/users-value/versions/latest");

        assertThat(soft.status()).isEqualTo(200);
        assertThat(soft.raw()).isEqualTo("2");
        assertThat(client.get("/subjects/users-value/versions").raw()).isEqualTo("[1]");
        assertThat(client.delete("/subjects/users-value/versions/2").errorCode()).isEqualTo(40406);
        assertThat(client.delete("/subjects/users-value/versions/1?permanent=true").errorCode()).isEqualTo(40407);

        Reply permanent = client.delete("/subjects/users-value/versions/2?permanent=true");

        assertThat(permanent.raw()).isEqualTo("2");
        assertThat(client.get("/subjects/users-value/versions?deleted=true").raw()).isEqualTo("[1]");
        assertThat(client.delete("/subjects/users-value/versions/7").errorCode()).isEqualTo(40402);
        assertThat(client.delete("/subjects/users-value/versions/x").errorCode()).isEqualTo(42202);
    }
}
