package io.presence.streams.topology;

import static io.presence.streams.topology.PresenceDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.DeviceState;
import io.presence.avro.EventType;
import io.presence.avro.GeneralStatus;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.UserStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §3 and §4 through the topology: what presence.status and presence.status-changes receive. */
class StatusFoldTopologyTest {

    @TempDir
    Path stateDir;

    private PresenceDriver presence;
    private final PresenceEvents gateway = new PresenceEvents();

    @BeforeEach
    void start() {
        presence = new PresenceDriver(TopologySettings.defaults(), stateDir);
    }

    @AfterEach
    void stop() {
        presence.close();
    }

    @Test
    void R_SES_1_loginMakesTheUserOnlineAndPublishesTheChange() {
        PresenceEvent login = gateway.login("alice", "phone", "c1", T0 + 1_000);

        presence.pipe(login);

        List<UserStatus> statuses = presence.statuses();
        assertThat(statuses).singleElement().satisfies(s -> {
            assertThat(s.getUserId()).isEqualTo("alice");
            assertThat(s.getStatus()).isEqualTo(GeneralStatus.ONLINE);
            assertThat(s.getVersion()).isEqualTo(1);
            assertThat(s.getDevices()).singleElement().satisfies(d -> {
                assertThat(d.getState()).isEqualTo(DeviceState.CONNECTED);
                assertThat(d.getConnectionId()).isEqualTo("c1");
            });
        });
        assertThat(presence.changes()).singleElement().satisfies(change -> {
            assertThat(change.getPrevious()).as("a user never seen has no previous record").isNull();
            assertThat(change.getCurrent()).isEqualTo(statuses.get(0));
            assertThat(change.getCauseEventId()).isEqualTo(login.getEventId());
            assertThat(change.getCauseType()).isEqualTo(EventType.LOGIN);
            assertThat(change.getAt()).isEqualTo(Instant.ofEpochMilli(T0 + 1_000));
        });
        assertThat(presence.counter("presence.events.folded", "type", "LOGIN", "outcome", "APPLIED_CHANGE")).isEqualTo(1);
    }

    @Test
    void R_SES_2_heartbeatThatChangesNothingIsStoredButNotPublished() {
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000));
        presence.statuses();
        presence.changes();

        // when: a heartbeat on the live connection at t+61s
        presence.pipe(gateway.heartbeat("alice", "phone", "c1", T0 + 61_000));

        assertThat(presence.statuses()).isEmpty();
        assertThat(presence.changes()).isEmpty();
        assertThat(presence.storedState("alice").devices().get(0).lastHeartbeatAt())
                .as("the detector reads the refreshed heartbeat from the store").isEqualTo(T0 + 61_000);
        assertThat(presence.counter("presence.events.folded", "type", "HEARTBEAT", "outcome", "NO_CHANGE")).isEqualTo(1);
    }

    @Test
    void R_SES_2_heartbeatOnANewConnectionReconnectsADisconnectedDevice() {
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000),
                gateway.disconnect("alice", "phone", "c1", T0 + 2_000));

        presence.pipe(gateway.heartbeat("alice", "phone", "c2", T0 + 3_000));

        assertThat(presence.statuses()).extracting(UserStatus::getStatus)
                .containsExactly(GeneralStatus.ONLINE, GeneralStatus.OFFLINE, GeneralStatus.ONLINE);
        assertThat(presence.storedState("alice").devices().get(0).connectionId()).isEqualTo("c2");
    }

    @Test
    void R_SES_2_heartbeatForADeviceNotLoggedInIsRejectedAndCounted() {
        presence.pipe(gateway.heartbeat("alice", "phone", "c1", T0 + 1_000));

        assertThat(presence.statuses()).isEmpty();
        assertThat(presence.counter("presence.heartbeats.rejected")).isEqualTo(1);
    }

    @Test
    void R_SES_3_disconnectOfTheCurrentConnectionMakesTheUserOffline() {
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000));

        presence.pipe(gateway.disconnect("alice", "phone", "c1", T0 + 5_000));

        assertThat(presence.changes()).last().satisfies(change -> {
            assertThat(change.getPrevious().getStatus()).isEqualTo(GeneralStatus.ONLINE);
            assertThat(change.getCurrent().getStatus()).isEqualTo(GeneralStatus.OFFLINE);
            assertThat(change.getCurrent().getLastSeenAt()).isEqualTo(Instant.ofEpochMilli(T0 + 5_000));
            assertThat(change.getCauseType()).isEqualTo(EventType.DISCONNECT);
        });
    }

    @Test
    void R_SES_3_lateDisconnectOfAnOldConnectionIsIgnored() {
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000),
                gateway.login("alice", "phone", "c2", T0 + 2_000));
        presence.statuses();

        // when: the gateway of the old connection reports its close late
        presence.pipe(gateway.disconnect("alice", "phone", "c1", T0 + 3_000));

        assertThat(presence.statuses()).as("no ghost OFFLINE").isEmpty();
        assertThat(presence.storedState("alice").status()).isEqualTo(io.presence.streams.session.GeneralStatus.ONLINE);
    }

    @Test
    void R_SES_6_logoutOfTheLastDeviceLeavesTheUserUnlogined() {
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000),
                gateway.login("alice", "laptop", "c2", T0 + 2_000),
                gateway.disconnect("alice", "laptop", "c2", T0 + 3_000));

        presence.pipe(gateway.logout("alice", "phone", T0 + 4_000));
        presence.pipe(gateway.logout("alice", "laptop", T0 + 5_000));

        assertThat(presence.statuses()).extracting(UserStatus::getStatus).containsExactly(
                GeneralStatus.ONLINE, GeneralStatus.ONLINE, GeneralStatus.ONLINE,
                GeneralStatus.OFFLINE, GeneralStatus.UNLOGINED);
    }

    @Test
    void R_SES_7_aDuplicateEventIsAppliedOnce() {
        PresenceEvent login = gateway.login("alice", "phone", "c1", T0 + 1_000);

        presence.pipe(login, login);

        assertThat(presence.changes()).hasSize(1);
        assertThat(presence.counter("presence.events.folded", "type", "LOGIN", "outcome", "DUPLICATE")).isEqualTo(1);
    }

    @Test
    void R_SES_7_anEventOlderThanTheLastOneAppliedToTheDeviceIsIgnored() {
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 5_000));

        presence.pipe(gateway.disconnect("alice", "phone", "c1", T0 + 4_000));

        assertThat(presence.changes()).hasSize(1);
        assertThat(presence.counter("presence.events.folded", "type", "DISCONNECT", "outcome", "STALE")).isEqualTo(1);
    }

    @Test
    void R_CUS_1_customStatusSetWhileOnlineIsPublished() {
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000));

        presence.pipe(gateway.setCustomStatus("alice", "Listening to music", T0 + 2_000));

        assertThat(presence.changes()).last().satisfies(change -> {
            assertThat(change.getCurrent().getCustomStatus()).isEqualTo("Listening to music");
            assertThat(change.getCurrent().getVersion()).isEqualTo(2);
            assertThat(change.getCauseType()).isEqualTo(EventType.SET_CUSTOM_STATUS);
        });
    }

    @Test
    void R_CUS_2_leavingOnlineClearsTheCustomStatusInTheSameChange() {
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000),
                gateway.setCustomStatus("alice", "Listening to music", T0 + 2_000));

        presence.pipe(gateway.disconnect("alice", "phone", "c1", T0 + 3_000));

        StatusChange last = presence.changes().get(2);
        assertThat(last.getPrevious().getCustomStatus()).isEqualTo("Listening to music");
        assertThat(last.getCurrent().getStatus()).isEqualTo(GeneralStatus.OFFLINE);
        assertThat(last.getCurrent().getCustomStatus()).isEmpty();
    }
}
