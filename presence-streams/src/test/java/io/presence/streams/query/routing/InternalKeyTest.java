package io.presence.streams.query.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import io.presence.config.PresenceConfigLoader;
import io.presence.http.ApiException;
import io.presence.streams.query.QuerySettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rotating the internal key in three rolls, each pair of neighbouring configurations agreeing. */
class InternalKeyTest {

    private final InternalKey before = InternalKey.configuredOrDerived("old", "s");
    private final InternalKey first = InternalKey.configuredOrDerived("old, new", "s");
    private final InternalKey second = InternalKey.configuredOrDerived("new,old", "s");
    private final InternalKey after = InternalKey.configuredOrDerived("new", "s");

    @Test
    void theFirstKeyListedIsSentAndEveryOneIsAccepted() {
        assertThat(first.value()).isEqualTo("old");
        assertThat(second.value()).isEqualTo("new");
        assertThatCode(() -> first.verify("new")).doesNotThrowAnyException();
        assertThatCode(() -> second.verify("old")).doesNotThrowAnyException();
        assertThatThrownBy(() -> first.verify("other")).isInstanceOf(ApiException.class);
    }

    @Test
    void instancesOneRollApartAcceptEachOthersKey() {
        InternalKey[] steps = {before, first, second, after};
        for (int i = 0; i + 1 < steps.length; i++) {
            InternalKey older = steps[i];
            InternalKey newer = steps[i + 1];
            assertThatCode(() -> older.verify(newer.value())).as("step %d accepts step %d", i, i + 1).doesNotThrowAnyException();
            assertThatCode(() -> newer.verify(older.value())).as("step %d accepts step %d", i + 1, i).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> after.verify("old")).as("rotated out").isInstanceOf(ApiException.class);
    }

    @Test
    void anEmptyKeyInTheListIsASettingErrorNamingTheKey() {
        assertThatThrownBy(() -> QuerySettings.from(PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s",
                "PRESENCE_STREAMS_INTERNAL_KEY", "new, ,old"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("presence.streams.internal-key");
    }
}
