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
    void withNoKeysConfiguredEveryCallIsRefused() {
        ApiKeyVerifier none = ApiKeyVerifier.fromCommaSeparated("");
        assertThat(none.isEmpty()).isTrue();
        assertThatThrownBy(() -> none.verify("anything")).isInstanceOf(ApiException.class);
    }
}
