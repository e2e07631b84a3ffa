package io.presence.streams.app;

import io.presence.config.PresenceConfigLoader;
import io.presence.testkit.BadSettingSweep;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §10: a bad setting stops presence-streams at start-up with one line naming the key, never a stack trace. */
class BadSettingsTest {

    private final BadSettingSweep sweep = new BadSettingSweep(
            PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s3cret")),
            PresenceStreamsSettings::from,
            Set.of("presence.streams.port", "presence.streams.advertised-port", "presence.streams.num-standby-replicas",
                    "presence.streams.detector.max-input-lag", "presence.streams.query.retry-backoff"));

    @Test
    void everyBadValueOfASettingItReadsIsRefusedNamingTheKey() {
        sweep.assertRefusesEveryBadValueUnder("presence.streams.", "presence.heartbeat.", "presence.session.",
                "presence.subscription.", "presence.features.", "presence.rate-limit.", "presence.topics.");
    }
}
