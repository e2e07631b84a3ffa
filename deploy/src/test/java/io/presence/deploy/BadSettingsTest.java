package io.presence.deploy;

import io.presence.config.PresenceConfigLoader;
import io.presence.testkit.BadSettingSweep;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §10: a bad setting stops bin/presence-local at once with one line naming the key, never a stack trace. */
class BadSettingsTest {

    private final BadSettingSweep sweep = new BadSettingSweep(PresenceConfigLoader.load(Map.of()), LocalRunConfig::from, Set.of());

    @Test
    void everyBadValueOfASettingItReadsIsRefusedNamingTheKey() {
        sweep.assertRefusesEveryBadValueUnder("presence.local.", "presence.ingest.port", "presence.streams.port",
                "presence.notifier.port", "presence.topics.");
    }
}
