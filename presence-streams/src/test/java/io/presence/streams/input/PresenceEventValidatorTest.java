package io.presence.streams.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.streams.topology.PresenceEvents;
import java.time.Instant;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PresenceEventValidatorTest {

    private final PresenceEvents gateway = new PresenceEvents();

    @Test
    void aWellFormedEventOfEveryTypeIsValid() {
        for (PresenceEvent event : new PresenceEvent[] {
                gateway.login("alice", "phone", "c1", 1),
                gateway.heartbeat("alice", "phone", "c1", 1),
                gateway.disconnect("alice", "phone", "c1", 1),
                gateway.logout("alice", "phone", 1),
                gateway.setCustomStatus("alice", "", 1),
                gateway.heartbeatExpired("alice", "phone", "c1", 1, 2),
                gateway.event(EventType.SESSION_EXPIRED, "alice", "phone", null, null, null, 1)}) {
            assertThat(problemWith("alice", event)).as(event.getType().name()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice smith", "al/ice", "ünï"})
    void userIdsOutsideTheSpecAlphabetAreRefused(String userId) {
        PresenceEvent event = gateway.login(userId, "phone", "c1", 1);
        assertThat(problemWith(userId, event)).hasValueSatisfying(p -> assertThat(p).contains("userId"));
    }

    @Test
    void idsMayHave64CharactersButNotMore() {
        String longest = "a".repeat(64);
        assertThat(problemWith(longest, gateway.login(longest, longest, "c1", 1))).isEmpty();
        String tooLong = "a".repeat(65);
        assertThat(problemWith("alice", gateway.login("alice", tooLong, "c1", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("deviceId"));
    }

    @Test
    void aConnectionIdIsOpaqueButAtMost128Characters() {
        assertThat(problemWith("alice", gateway.login("alice", "phone", "c 1/ü", 1))).isEmpty();
        assertThat(problemWith("alice", gateway.login("alice", "phone", "c".repeat(129), 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("connectionId"));
    }

    @Test
    void theKeyMustBeTheUserId() {
        assertThat(problemWith("bob", gateway.login("alice", "phone", "c1", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("key"));
    }

    @Test
    void aTombstoneIsRefused() {
        assertThat(problemWith("alice", null)).isPresent();
    }

    @Test
    void eachTypeNeedsItsFields() {
        assertThat(problemWith("alice",
                gateway.event(EventType.LOGIN, "alice", "phone", "c1", null, null, 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("platform"));
        assertThat(problemWith("alice",
                gateway.event(EventType.DISCONNECT, "alice", "phone", null, null, null, 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("connectionId"));
        assertThat(problemWith("alice",
                gateway.event(EventType.LOGOUT, "alice", null, null, null, null, 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("deviceId"));
        assertThat(problemWith("alice",
                gateway.event(EventType.SET_CUSTOM_STATUS, "alice", null, null, null, null, 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("customStatus"));
    }

    @Test
    void fieldsOfAnotherTypeAreRefused() {
        assertThat(problemWith("alice",
                gateway.event(EventType.HEARTBEAT, "alice", "phone", "c1", Platform.WEB, null, 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("platform is allowed on LOGIN only"));
        assertThat(problemWith("alice",
                gateway.event(EventType.LOGOUT, "alice", "phone", null, null, "hi", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("customStatus"));
        PresenceEvent heartbeat = gateway.heartbeat("alice", "phone", "c1", 1);
        heartbeat.setLastHeartbeatAt(Instant.ofEpochMilli(1));
        assertThat(problemWith("alice", heartbeat))
                .hasValueSatisfying(p -> assertThat(p).contains("lastHeartbeatAt"));
    }

    @Test
    void R_CUS_3_customStatusIsAtMost256Utf8BytesWithoutControlCharacters() {
        assertThat(problemWith("alice", gateway.setCustomStatus("alice", "é".repeat(128), 1))).isEmpty();
        assertThat(problemWith("alice", gateway.setCustomStatus("alice", "é".repeat(128) + "x", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("256 UTF-8 bytes"));
        assertThat(problemWith("alice", gateway.setCustomStatus("alice", "😀".repeat(64), 1))).isEmpty();
        assertThat(problemWith("alice", gateway.setCustomStatus("alice", "line\nbreak", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("control"));
    }

    @Test
    void aTimestampMustBePositive() {
        assertThat(problemWith("alice", gateway.login("alice", "phone", "c1", 0)))
                .hasValueSatisfying(p -> assertThat(p).contains("timestamp"));
    }

    @Test
    void anEventMayRunAheadOfItsRecordByFiveMinutesAtMost() {
        long recordAt = 1_732_550_000_000L;
        PresenceEvent justAhead = gateway.login("alice", "phone", "c1", recordAt + Duration.ofMinutes(5).toMillis());
        PresenceEvent tooFar = gateway.login("alice", "phone", "c1", recordAt + Duration.ofMinutes(5).toMillis() + 1);
        PresenceEvent endOfTime = gateway.login("alice", "phone", "c1", Long.MAX_VALUE);

        assertThat(PresenceEventValidator.problemWith("alice", justAhead, recordAt)).isEmpty();
        assertThat(PresenceEventValidator.problemWith("alice", tooFar, recordAt))
                .hasValueSatisfying(p -> assertThat(p).contains("timestamp", "5 min later than its Kafka record"));
        assertThat(PresenceEventValidator.problemWith("alice", endOfTime, recordAt)).isPresent();
    }

    /** As the gate judges a record written when its event happened. */
    private static Optional<String> problemWith(String key, PresenceEvent event) {
        return PresenceEventValidator.problemWith(key, event, event == null ? 0 : event.getTimestamp().toEpochMilli());
    }
}
