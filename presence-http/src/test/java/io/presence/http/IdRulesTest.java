package io.presence.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdRulesTest {

    @Test
    void idsAreOneToSixtyFourCharactersOfTheAllowedSet() {
        assertThat(IdRules.isValidId("u")).isTrue();
        assertThat(IdRules.isValidId("A-z_0.9@x")).isTrue();
        assertThat(IdRules.isValidId("x".repeat(64))).isTrue();
        assertThat(IdRules.isValidId("x".repeat(65))).isFalse();
        assertThat(IdRules.isValidId("")).isFalse();
        assertThat(IdRules.isValidId(null)).isFalse();
        assertThat(IdRules.isValidId("a b")).isFalse();
        assertThat(IdRules.isValidId("a/b")).isFalse();
        assertThat(IdRules.isValidId("é")).isFalse();
        assertThat(IdRules.isValidId("a\n")).isFalse();
    }

    @Test
    void exactlyTheCharactersOfSpecSection1AreAllowed() {
        Pattern spec = Pattern.compile("[A-Za-z0-9_.@-]");
        for (char c = 0; c < 0x3000; c++) {
            String one = String.valueOf(c);
            assertThat(IdRules.isValidId(one)).as("U+%04X", (int) c).isEqualTo(spec.matcher(one).matches());
        }
    }

    @Test
    void requireValidIdNamesTheField() {
        assertThatThrownBy(() -> IdRules.requireValidId("userIds[2]", "a b"))
                .isInstanceOf(ApiException.class).hasMessageContaining("'userIds[2]'");
        assertThatThrownBy(() -> IdRules.requireValidId("userId", null))
                .isInstanceOf(ApiException.class).hasMessageContaining("'userId' is required");
    }
}
