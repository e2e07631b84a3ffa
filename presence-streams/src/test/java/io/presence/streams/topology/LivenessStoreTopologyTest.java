package io.presence.streams.topology;

import static io.presence.streams.topology.PresenceDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.GeneralStatus;
import io.presence.avro.StatusChange;
import io.presence.streams.session.DeviceLiveness;
import io.presence.streams.session.UserLiveness;
import io.presence.streams.status.StoredStatus;
import io.presence.streams.status.UserLivenessSerde;
import io.presence.streams.status.UserLivenessStore;
import io.presence.streams.status.UserStatusStore;
import io.presence.streams.status.UserStatusStoreSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's state in two stores: a heartbeat refresh — most of the traffic — rewrites only the
 * small {@code user-liveness} value, and whatever reads the whole state (the fold, the timeout
 * detector) sees the refreshed heartbeat.
 */
class LivenessStoreTopologyTest {

    private static final Duration TICK = Duration.ofMillis(250);

    @TempDir
    Path stateDir;

    private final PresenceEvents gateway = new PresenceEvents();
    private PresenceDriver presence;

    @AfterEach
    void stop() {
        presence.close();
    }

    @Test
    void R_SES_2_aHeartbeatRefreshWritesTheLivenessAndLeavesTheStatusRecordAsItWas() {
        presence = new PresenceDriver(TopologySettings.defaults(), stateDir);
        TestOutputTopic<String, byte[]> records = presence.changelog(UserStatusStore.NAME);
        TestOutputTopic<String, byte[]> livenesses = presence.changelog(UserLivenessStore.NAME);
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000));
        List<TestRecord<String, byte[]>> written = records.readRecordsToList();
        assertThat(written).hasSize(1);
        assertThat(livenesses.readRecordsToList()).hasSize(1);

        // when: two heartbeats on the live connection, 60 s apart
        presence.pipe(gateway.heartbeat("alice", "phone", "c1", T0 + 61_000),
                gateway.heartbeat("alice", "phone", "c1", T0 + 121_000));

        assertThat(records.readRecordsToList()).as("no user-status write").isEmpty();
        assertThat(storedRecordBytes("alice")).isEqualTo(written.get(0).value());
        List<TestRecord<String, byte[]>> refreshed = livenesses.readRecordsToList();
        assertThat(refreshed).hasSize(2);
        UserLiveness last = new UserLivenessSerde().deserialize("any", refreshed.get(1).value());
        assertThat(last.devices().get("phone")).isEqualTo(new DeviceLiveness("c1", T0 + 121_000));
        assertThat(presence.statuses()).as("only the login's change").hasSize(1);
        assertThat(presence.counter("presence.events.folded", "type", "HEARTBEAT", "outcome", "NO_CHANGE")).isEqualTo(2);
    }

    @Test
    void R_SES_7_aDuplicateHeartbeatWritesNothingAndIsCounted() {
        presence = new PresenceDriver(TopologySettings.defaults(), stateDir);
        TestOutputTopic<String, byte[]> livenesses = presence.changelog(UserLivenessStore.NAME);
        var heartbeat = gateway.heartbeat("alice", "phone", "c1", T0 + 61_000);
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000), heartbeat);
        livenesses.readRecordsToList();

        presence.pipe(heartbeat);

        assertThat(livenesses.readRecordsToList()).isEmpty();
        assertThat(presence.counter("presence.events.folded", "type", "HEARTBEAT", "outcome", "DUPLICATE")).isEqualTo(1);
    }

    @Test
    void R_SES_4_anExpiryAfterRefreshesIsJudgedAgainstTheRefreshedHeartbeat() {
        presence = new PresenceDriver(TopologySettings.defaults(), stateDir);
        presence.pipe(gateway.login("alice", "phone", "c1", T0));
        presence.pipe(gateway.heartbeat("alice", "phone", "c1", T0 + 100_000),
                gateway.heartbeat("alice", "phone", "c1", T0 + 300_000));

        // when: the login's deadline passes — the detector finds the refreshed heartbeat and re-files
        presence.wallClockAt(Duration.ofSeconds(400).plus(TICK));
        assertThat(presence.proposals()).isEmpty();

        // when: the last heartbeat's deadline passes
        presence.wallClockAt(Duration.ofSeconds(700).plus(TICK));

        assertThat(presence.proposals()).singleElement().satisfies(expiry -> {
            assertThat(expiry.getConnectionId()).isEqualTo("c1");
            assertThat(expiry.getLastHeartbeatAt()).isEqualTo(Instant.ofEpochMilli(T0 + 300_000));
        });
        // then: the fold applies it (R-SES-3: it names the current connection and its real last heartbeat)
        StatusChange offline = presence.changes().get(1);
        assertThat(offline.getCauseType()).isEqualTo(EventType.HEARTBEAT_EXPIRED);
        assertThat(offline.getCurrent().getStatus()).isEqualTo(GeneralStatus.OFFLINE);
        assertThat(offline.getCurrent().getLastSeenAt()).isEqualTo(Instant.ofEpochMilli(T0 + 300_000));
        assertThat(offline.getCurrent().getDevices().get(0).getLastHeartbeatAt()).isEqualTo(Instant.ofEpochMilli(T0 + 300_000));
    }

    @Test
    void R_SES_3_aProposalBuiltBeforeARefreshIsIgnored() {
        presence = new PresenceDriver(TopologySettings.defaults(), stateDir);
        presence.pipe(gateway.login("alice", "phone", "c1", T0), gateway.heartbeat("alice", "phone", "c1", T0 + 300_000));
        presence.statuses();

        // when: an expiry proposal that saw the login's heartbeat arrives after the refresh
        presence.pipe(gateway.heartbeatExpired("alice", "phone", "c1", T0, T0 + 400_000));

        assertThat(presence.statuses()).isEmpty();
        assertThat(presence.counter("presence.events.folded", "type", "HEARTBEAT_EXPIRED", "outcome", "IGNORED")).isEqualTo(1);
    }

    private byte[] storedRecordBytes(String userId) {
        KeyValueStore<String, StoredStatus> store = presence.driver.getKeyValueStore(UserStatusStore.NAME);
        return new UserStatusStoreSerde().serialize("any", store.get(userId));
    }
}
