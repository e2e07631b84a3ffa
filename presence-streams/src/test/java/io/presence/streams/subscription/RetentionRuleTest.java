package io.presence.streams.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.session.AppliedEvents;
import io.presence.streams.session.DeviceSession;
import io.presence.streams.session.DeviceState;
import io.presence.streams.session.GeneralStatus;
import io.presence.streams.session.Platform;
import io.presence.streams.session.UserPresence;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final SubscriptionList SUBSCRIBED_AT_100 = SubscriptionList.EMPTY.subscribe(List.of("a"), 100);

    @Test
    void R_SUB_4_anOfflineSubscriberIsClearableARetentionAfterItWasLastSeen() {
        UserPresence offline = presence(GeneralStatus.OFFLINE, 5_000L,
                new DeviceSession("phone", Platform.IOS, DeviceState.DISCONNECTED, "c1", 5_000, 4_000));

        assertThat(RetentionRule.earliestClear(offline, SUBSCRIBED_AT_100, DAY)).isEqualTo(5_000 + DAY.toMillis());
    }

    @Test
    void R_SUB_4_neverEarlierThanARetentionAfterTheLatestSubscribe() {
        UserPresence neverSeen = UserPresence.unknown("sam");

        assertThat(RetentionRule.earliestClear(neverSeen, SUBSCRIBED_AT_100, DAY)).isEqualTo(100 + DAY.toMillis());
    }

    @Test
    void R_SUB_4_anOnlineSubscriberCannotBeClearableBeforeItsOldestLiveHeartbeatPlusTheRetention() {
        UserPresence online = presence(GeneralStatus.ONLINE, null,
                new DeviceSession("phone", Platform.IOS, DeviceState.CONNECTED, "c1", 1_000, 9_000),
                new DeviceSession("web", Platform.WEB, DeviceState.CONNECTED, "c2", 1_000, 7_000),
                new DeviceSession("tab", Platform.IOS, DeviceState.DISCONNECTED, "c3", 500, 500));

        assertThat(RetentionRule.earliestClear(online, SUBSCRIBED_AT_100, DAY)).isEqualTo(7_000 + DAY.toMillis());
    }

    private static UserPresence presence(GeneralStatus status, Long lastSeenAt, DeviceSession... devices) {
        return new UserPresence("sam", status, "", 3, 5_000, lastSeenAt, List.of(devices), AppliedEvents.NONE);
    }
}
