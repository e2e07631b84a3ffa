package io.presence.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.http.ApiError;
import io.presence.http.ApiException;
import org.junit.jupiter.api.Test;

class CustomStatusRuleTest {

    @Test
    void R_CUS_3_upTo256Utf8BytesIsAccepted() {
        assertThat(CustomStatusRule.requireValid("Listening to music")).isEqualTo("Listening to music");
        assertThat(CustomStatusRule.requireValid("x".repeat(256))).hasSize(256);
        // 64 four-byte code points = 256 bytes; 85 three-byte ones = 255 bytes
        assertThat(CustomStatusRule.requireValid("🎵".repeat(64))).isNotEmpty();
        assertThat(CustomStatusRule.requireValid("音".repeat(85))).isNotEmpty();
        assertThat(CustomStatusRule.requireValid("")).isEmpty();
    }

    @Test
    void R_CUS_3_over256Utf8BytesIsRefusedEvenIfFewerCharacters() {
        assertRefused("x".repeat(257), "257 UTF-8 bytes");
        assertRefused("音".repeat(86), "258 UTF-8 bytes");
        assertRefused("🎵".repeat(65), "260 UTF-8 bytes");
    }

    @Test
    void R_CUS_3_controlCharactersAreRefused() {
        for (String text : new String[] {"a\nb", "tab\there", "nul\u0000", "bell\u0007", "del\u007f", "c1\u0085"}) {
            assertRefused(text, "control characters");
        }
    }

    @Test
    void R_CUS_3_halfASurrogatePairIsRefused() {
        assertRefused("broken \uD83C", "not valid Unicode");
        assertRefused("\uDFB5 broken", "not valid Unicode");
    }

    @Test
    void aMissingStatusIsRefused() {
        assertRefused(null, "required");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> CustomStatusRule.requireValid(text))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_PARAMETER))
                .hasMessageContaining(message);
    }
}
