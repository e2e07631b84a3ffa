package io.presence.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.avro.GeneralStatus;
import io.presence.avro.PresenceEvent;
import io.presence.schemas.registry.InMemorySchemaRegistry;
import io.presence.schemas.registry.SchemaRegistryException;
import io.presence.schemas.serde.AvroWireSerde;
import io.presence.schemas.topics.TopicLayout;
import io.presence.streams.avro.UserStatusMapper;
import io.presence.streams.session.FoldOutcome;
import io.presence.streams.session.FoldResult;
import io.presence.streams.session.StatusTransition;
import io.presence.streams.topology.PresenceEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ReplayFoldTest {

    private final AvroWireSerde<PresenceEvent> serde = new AvroWireSerde<>(new InMemorySchemaRegistry(), PresenceEvent.class);
    private final ReplayFold fold = new ReplayFold(serde, TopicLayout.EVENTS);
    private final PresenceEvents gateway = new PresenceEvents();

    @Test
    void R_AUD_1_recordsAreFoldedWithTheLiveFoldIntoEachUsersStatus() {
        apply("alice", gateway.login("alice", "phone", "c1", 1_000));
        apply("bob", gateway.login("bob", "web", "c9", 1_500));
        Optional<FoldResult> disconnect = apply("alice", gateway.disconnect("alice", "phone", "c1", 2_000));

        assertThat(disconnect).map(FoldResult::outcome).contains(FoldOutcome.APPLIED_CHANGE);
        assertThat(UserStatusMapper.toUserStatus(fold.stateOf("alice")).getStatus()).isEqualTo(GeneralStatus.OFFLINE);
        assertThat(fold.stateOf("alice").lastSeenAt()).isEqualTo(2_000L);
        assertThat(fold.changedUsers()).extracting(u -> u.userId()).containsExactly("alice", "bob");
    }

    @Test
    void R_AUD_1_aUserNeverSeenIsUnloginedAtVersionZeroAndNotListedAmongChangedUsers() {
        apply("bob", gateway.heartbeat("bob", "phone", "c1", 1_000)); // rejected: not logged in

        assertThat(fold.stateOf("carol").version()).isZero();
        assertThat(fold.changedUsers()).isEmpty();
    }

    @Test
    void R_AUD_2_anEventTheLiveValidatorRefusesIsSkippedNotFolded() {
        // keyed by another user: the live app dead-letters it (the key decides the partition)
        Optional<FoldResult> misKeyed = apply("mallory", gateway.login("alice", "phone", "c1", 1_000));

        assertThat(misKeyed).isEmpty();
        assertThat(fold.stateOf("alice").version()).isZero();
        assertThat(fold.skipped()).isEqualTo(1);
    }

    @Test
    void R_AUD_2_anEventDatedFarAheadOfItsRecordIsSkippedAsTheLiveGateRefusesIt() {
        PresenceEvent fromTheFuture = gateway.login("alice", "phone", "c1", 1_000 + Duration.ofHours(2).toMillis());

        Optional<FoldResult> skipped = fold.apply("alice", serde.serialize(TopicLayout.EVENTS, fromTheFuture), 1_000);
        Optional<FoldResult> folded = apply("alice", gateway.login("alice", "phone", "c2", 2_000));

        assertThat(skipped).isEmpty();
        assertThat(folded).map(FoldResult::outcome).contains(FoldOutcome.APPLIED_CHANGE);
        assertThat(fold.skipped()).isEqualTo(1);
    }

    @Test
    void R_AUD_2_undecodableBytesAreSkippedLikeTheLiveDeserializationHandlerDoes() {
        Optional<FoldResult> garbage = fold.apply("alice", "not avro".getBytes(StandardCharsets.UTF_8), 1_000);

        assertThat(garbage).isEmpty();
        assertThat(fold.skipped()).isEqualTo(1);
    }

    @Test
    void R_AUD_2_anEventNotDecodedOnlyBecauseTheRegistryCannotAnswerStopsTheReplayInsteadOfBeingSkipped() {
        ReplayFold registryDown = new ReplayFold((topic, data) -> {
            throw new SerializationException("cannot decode PresenceEvent with schema id 7 from topic " + topic
                    + ": schema registry http://localhost:8081/ not reachable", new SchemaRegistryException(0,
                    SchemaRegistryException.UNREACHABLE, "schema registry http://localhost:8081/ not reachable", null));
        }, TopicLayout.EVENTS);

        assertThatThrownBy(() -> registryDown.apply("alice", serde.serialize(TopicLayout.EVENTS,
                gateway.login("alice", "phone", "c1", 1_000)), 1_000))
                .isInstanceOfSatisfying(AuditException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE))
                .hasMessageContaining("not reachable");
        assertThat(registryDown.skipped()).isZero();
    }

    @Test
    void R_AUD_2_aDuplicateEventIsAppliedOnceAsLive() {
        PresenceEvent login = gateway.login("alice", "phone", "c1", 1_000);
        Optional<StatusTransition> first = apply("alice", login).flatMap(FoldResult::transition);
        Optional<FoldResult> again = apply("alice", login);

        assertThat(first).isPresent();
        assertThat(again).map(FoldResult::outcome).contains(FoldOutcome.DUPLICATE);
        assertThat(fold.stateOf("alice").version()).isEqualTo(1);
    }

    private Optional<FoldResult> apply(String key, PresenceEvent event) {
        // a record written when its event happened
        return fold.apply(key, serde.serialize(TopicLayout.EVENTS, event), event.getTimestamp().toEpochMilli());
    }
}
