package io.presence.ingest.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.http.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubscriptionTargetsTest {

    @Test
    void R_SUB_1_upTo100ValidIdsAreAcceptedInTheOrderGiven() {
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "user-" + i).toList();
        assertThat(SubscriptionTargets.requireValid(hundred, "me", 100)).containsExactlyElementsOf(hundred);
    }

    @Test
    void R_SUB_1_moreThan100IdsAreRefused() {
        List<String> many = IntStream.range(0, 101).mapToObj(i -> "user-" + i).toList();
        assertThatThrownBy(() -> SubscriptionTargets.requireValid(many, "me", 100))
                .isInstanceOf(ApiException.class).hasMessageContaining("at most 100");
    }

    @Test
    void R_SUB_1_aCallNamingTheCallerIsRefused() {
        assertThatThrownBy(() -> SubscriptionTargets.requireValid(List.of("bob", "me"), "me", 100))
                .isInstanceOf(ApiException.class).hasMessageContaining("userIds[1]").hasMessageContaining("itself");
    }

    @Test
    void R_SUB_1_invalidIdsAreRefusedByPosition() {
        assertThatThrownBy(() -> SubscriptionTargets.requireValid(List.of("ok", "not ok"), "me", 100))
                .isInstanceOf(ApiException.class).hasMessageContaining("userIds[1]");
        List<String> withNull = new ArrayList<>(Arrays.asList("ok", null));
        assertThatThrownBy(() -> SubscriptionTargets.requireValid(withNull, "me", 100))
                .isInstanceOf(ApiException.class).hasMessageContaining("userIds[1]");
        assertThatThrownBy(() -> SubscriptionTargets.requireValid(null, "me", 100))
                .isInstanceOf(ApiException.class).hasMessageContaining("'userIds' is required");
    }

    @Test
    void R_SUB_3_anEmptyListIsValid() {
        assertThat(SubscriptionTargets.requireValid(List.of(), "me", 100)).isEmpty();
    }
}
