package io.presence.streams.topology;

import static io.presence.streams.topology.PresenceDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.GeneralStatus;
import io.presence.avro.NotificationReason;
import io.presence.avro.StatusNotification;
import io.presence.streams.fanout.FanoutSettings;
import io.presence.streams.timeout.DetectorSettings;
import io.presence.streams.timeout.SessionTimeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R-NOT-1 and R-FRD-1 through the topology: who is told of a change, and what. */
class NotificationFanoutTopologyTest {

    @TempDir
    Path stateDir;

    private PresenceDriver presence;
    private VisibleChanges changes;
    private final PresenceEvents gateway = new PresenceEvents();
    private final PresenceCommands ingest = new PresenceCommands();

    private void start(boolean friendsNotified) {
        presence = new PresenceDriver(new TopologySettings(SessionTimeouts.defaults(), DetectorSettings.defaults(),
                TopologySettings.DEFAULT_SUBSCRIPTION_RETENTION, new FanoutSettings(friendsNotified, Duration.ofMillis(50), 5_000)),
                stateDir);
        changes = new VisibleChanges(presence, T0);
    }

    @AfterEach
    void stop() {
        presence.close();
    }

    @Test
    void R_NOT_1_theUserItselfIsToldOfItsChange() {
        start(true);
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000));

        assertThat(presence.notified()).singleElement().satisfies(n -> {
            assertThat(n.getRecipientId()).isEqualTo("alice");
            assertThat(n.getUserId()).isEqualTo("alice");
            assertThat(n.getReason()).isEqualTo(NotificationReason.SELF);
            assertThat(n.getStatus()).isEqualTo(GeneralStatus.ONLINE);
            assertThat(n.getVersion()).isEqualTo(1);
            assertThat(n.getLastChangedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 1_000));
            assertThat(n.getLastSeenAt()).isNull();
            assertThat(n.getId()).as("deterministic per (user, version, recipient)").isEqualTo("alice:1:alice");
        });
    }

    @Test
    void R_NOT_1_subscribersAreToldKeyedByRecipientWithTheNewStatus() {
        start(true);
        presence.pipe(ingest.subscribe("sam", T0, "alice"), ingest.subscribe("kim", T0, "alice"));
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000));
        presence.notified();

        presence.pipe(gateway.setCustomStatus("alice", "Listening to music", T0 + 2_000));

        var records = presence.notifications.readRecordsToList();
        assertThat(records).hasSize(3).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(r.value().getRecipientId());
            assertThat(r.value().getCustomStatus()).isEqualTo("Listening to music");
            assertThat(r.value().getVersion()).isEqualTo(2);
        });
        assertThat(VisibleChanges.recipients(records.stream().map(r -> r.value()).toList(), NotificationReason.SUBSCRIBER))
                .containsExactlyInAnyOrder("sam", "kim");
    }

    @Test
    void R_NOT_1_aFriendWhoAlsoSubscribesIsToldOnceAsAFriend() {
        start(true);
        presence.pipe(ingest.befriend("alice", "bob", T0));
        presence.pipe(ingest.subscribe("bob", T0, "alice"), ingest.subscribe("sam", T0, "alice"));

        changes.change("alice");

        assertThat(presence.notified()).extracting(StatusNotification::getRecipientId, StatusNotification::getReason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("alice", NotificationReason.SELF),
                        org.assertj.core.groups.Tuple.tuple("bob", NotificationReason.FRIEND),
                        org.assertj.core.groups.Tuple.tuple("sam", NotificationReason.SUBSCRIBER));
    }

    @Test
    void R_NOT_1_aHeartbeatThatChangesNothingNotifiesNobody() {
        start(true);
        presence.pipe(ingest.subscribe("sam", T0, "alice"));
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000));
        presence.notified();

        presence.pipe(gateway.heartbeat("alice", "phone", "c1", T0 + 61_000));

        assertThat(presence.notified()).isEmpty();
    }

    @Test
    void R_NOT_1_aChangeOfTheDeviceListAloneNotifiesNobody() {
        start(true);
        presence.pipe(ingest.subscribe("sam", T0, "alice"));
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000));
        presence.notified();

        // a second device: version 2 on presence.status-changes, but general and custom status stay
        presence.pipe(gateway.login("alice", "laptop", "c2", T0 + 2_000));

        assertThat(presence.changes()).hasSize(2);
        assertThat(presence.notified()).isEmpty();
    }

    @Test
    void R_NOT_1_leavingOnlineClearsTheCustomStatusInTheSameNotification() {
        start(true);
        presence.pipe(ingest.subscribe("sam", T0, "alice"));
        presence.pipe(gateway.login("alice", "phone", "c1", T0 + 1_000),
                gateway.setCustomStatus("alice", "busy", T0 + 2_000));
        presence.notified();

        presence.pipe(gateway.disconnect("alice", "phone", "c1", T0 + 3_000));

        assertThat(presence.notified()).filteredOn(n -> n.getRecipientId().equals("sam")).singleElement().satisfies(n -> {
            assertThat(n.getStatus()).isEqualTo(GeneralStatus.OFFLINE);
            assertThat(n.getCustomStatus()).isEmpty();
            assertThat(n.getLastSeenAt()).isEqualTo(Instant.ofEpochMilli(T0 + 3_000));
        });
    }

    @Test
    void R_FRD_1_friendsAreToldWithoutSubscribing() {
        start(true);
        presence.pipe(ingest.befriend("alice", "bob", T0), ingest.befriend("bob", "alice", T0));

        assertThat(changes.recipientsOfNextChange("alice", NotificationReason.FRIEND)).containsExactly("bob");
        assertThat(changes.recipientsOfNextChange("bob", NotificationReason.FRIEND)).containsExactly("alice");
    }

    @Test
    void R_FRD_1_withTheSwitchOffOnlySubscribersAreTold() {
        start(false);
        presence.pipe(ingest.befriend("alice", "bob", T0), ingest.befriend("alice", "carol", T0));
        presence.pipe(ingest.subscribe("carol", T0, "alice"));

        changes.change("alice");

        assertThat(presence.notified()).extracting(StatusNotification::getRecipientId, StatusNotification::getReason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("alice", NotificationReason.SELF),
                        org.assertj.core.groups.Tuple.tuple("carol", NotificationReason.SUBSCRIBER));
    }

    @Test
    void R_FRD_1_aRepeatedFriendshipIsHeldOnceAndARemovedOneIsNotTold() {
        start(true);
        presence.pipe(ingest.befriend("alice", "bob", T0), ingest.befriend("alice", "bob", T0 + 1),
                ingest.befriend("alice", "carol", T0));
        presence.pipe(ingest.unfriend("alice", "carol", T0 + 2), ingest.unfriend("alice", "dave", T0 + 3));

        assertThat(changes.recipientsOfNextChange("alice", NotificationReason.FRIEND)).containsExactly("bob");
        assertThat(presence.dlq.isEmpty()).isTrue();
    }

    @Test
    void R_NOT_1_recipientsOfManyAreEachToldOnce() {
        start(true);
        List<String> friends = ids("f", 30);
        List<String> subscribers = ids("f", 45).subList(15, 45);
        friends.forEach(f -> presence.pipe(ingest.befriend("alice", f, T0)));
        subscribers.forEach(s -> presence.pipe(ingest.subscribe(s, T0, "alice")));

        changes.change("alice");

        List<StatusNotification> told = presence.notified();
        assertThat(told).extracting(StatusNotification::getRecipientId).doesNotHaveDuplicates().hasSize(1 + 45);
        assertThat(VisibleChanges.recipients(told, NotificationReason.FRIEND)).containsExactlyInAnyOrderElementsOf(friends);
        assertThat(VisibleChanges.recipients(told, NotificationReason.SUBSCRIBER)).hasSize(15);
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }
}
