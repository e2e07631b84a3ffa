package io.presence.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.http.ApiError;
import io.presence.http.ApiException;
import org.junit.jupiter.api.Test;

class ApiKeyVerifierTest {

    private final ApiKeyVerifier keys = ApiKeyVerifier.fromCommaSeparated("gw-one, gw-two ,");

    @Test
    void everyConfiguredKeyIsAccepted() {
        assertThatCode(() -> keys.verify("gw-one")).doesNotThrowAnyException();
        assertThatCode(() -> keys.verify("gw-two")).doesNotThrowAnyException();
        assertThat(keys.isEmpty()).isFalse();
    }

    @Test
    void otherOrMissingKeysAre40101() {
        for (String wrong : new String[] {"gw-on", "gw-one ", "GW-ONE", "", null}) {
            assertThatThrownBy(() -> keys.verify(wrong))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.UNAUTHENTICATED));
        }
    }

    @Test
    void aKeyGivenANameTellsWhichGatewayCalledAndAKeyWithoutOneTellsNothing() {
        ApiKeyVerifier named = ApiKeyVerifier.fromCommaSeparated("eu-west:key-eu, us.east@2:key-us:with-colon, plain-key, not a name:key");

        assertThat(named.verify("key-eu")).isEqualTo("eu-west");
        assertThat(named.verify("key-us:with-colon")).as("the key is what follows the first ':'").isEqualTo("us.east@2");
        assertThat(named.verify("plain-key")).isEqualTo(ApiKeyVerifier.UNNAMED);
        assertThat(named.verify("not a name:key")).as("not a name: the whole entry is the key").isEqualTo(ApiKeyVerifier.UNNAMED);
        assertThatThrownBy(() -> named.verify("eu-west:key-eu")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> named.verify("eu-west")).isInstanceOf(ApiException.class);
    }

    @Test
    void withNoKeysConfiguredEveryCallIsRefused() {
        ApiKeyVerifier none = ApiKeyVerifier.fromCommaSeparated("");
        assertThat(none.isEmpty()).isTrue();
        assertThatThrownBy(() -> none.verify("anything")).isInstanceOf(ApiException.class);
    }
}
