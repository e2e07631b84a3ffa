package io.presence.ingest;

import io.presence.config.PresenceConfigLoader;
import io.presence.testkit.BadSettingSweep;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §10: a bad setting stops presence-ingest at start-up with one line naming the key, never a stack trace. */
class BadSettingsTest {

    private final BadSettingSweep sweep = new BadSettingSweep(
            PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s3cret")),
            IngestConfig::from,
            Set.of("presence.ingest.port", "presence.ingest.max-clock-skew", "presence.ingest.shutdown-grace"));

    @Test
    void everyBadValueOfASettingItReadsIsRefusedNamingTheKey() {
        sweep.assertRefusesEveryBadValueUnder("presence.ingest.", "presence.features.query-and-subscribe", "presence.rate-limit.", "presence.topics.");
    }
}
