package io.presence.notifier.app;

import io.presence.config.PresenceConfigLoader;
import io.presence.testkit.BadSettingSweep;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §10: a bad setting stops presence-notifier at start-up with one line naming the key, never a stack trace. */
class BadSettingsTest {

    private final BadSettingSweep sweep = new BadSettingSweep(
            PresenceConfigLoader.load(Map.of("PRESENCE_AUTH_SECRET", "s3cret")),
            NotifierConfig::from,
            Set.of("presence.notifier.port", "presence.notifier.delivery-threads", "presence.notifier.shutdown-grace",
                    "presence.push.retry.jitter", "presence.notifier.socket.max-open"));

    @Test
    void everyBadValueOfASettingItReadsIsRefusedNamingTheKey() {
        sweep.assertRefusesEveryBadValueUnder("presence.notifier.", "presence.push.", "presence.topics.");
    }
}
