package io.presence.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.http.ApiError;
import io.presence.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class GatewayEventValidatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");
    private final GatewayEventValidator validator =
            new GatewayEventValidator(InstantSource.fixed(NOW), Duration.ofSeconds(60), "ingest-test");

    @Test
    void aLoginBecomesAPresenceEventWithANewIdThisSourceAndTheGivenTime() {
        PresenceEvent event = validator.toEvent(new GatewayEventJson("LOGIN", "u1", "d1", "c1", "IOS", 1732550000000L));
        assertThat(event.getType()).isEqualTo(EventType.LOGIN);
        assertThat(event.getUserId()).isEqualTo("u1");
        assertThat(event.getDeviceId()).isEqualTo("d1");
        assertThat(event.getConnectionId()).isEqualTo("c1");
        assertThat(event.getPlatform()).isEqualTo(Platform.IOS);
        assertThat(event.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1732550000000L));
        assertThat(event.getSource()).isEqualTo("ingest-test");
        assertThat(event.getEventId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(validator.toEvent(new GatewayEventJson("LOGIN", "u1", "d1", "c1", "IOS", null)).getEventId())
                .isNotEqualTo(event.getEventId());
    }

    @Test
    void aMissingTimestampIsServerTimeInMilliseconds() {
        PresenceEvent event = validator.toEvent(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, null));
        assertThat(event.getTimestamp()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
    }

    @Test
    void logoutMayOmitTheConnection() {
        assertThat(validator.toEvent(new GatewayEventJson("LOGOUT", "u1", "d1", null, null, null)).getConnectionId()).isNull();
    }

    @Test
    void theTypeMustBeAGatewayType() {
        assertRefused(new GatewayEventJson(null, "u1", "d1", "c1", null, null), "'type' is required");
        assertRefused(new GatewayEventJson("login", "u1", "d1", "c1", "IOS", null), "'type' must be one of LOGIN, HEARTBEAT, DISCONNECT, LOGOUT");
        assertRefused(new GatewayEventJson("HEARTBEAT_EXPIRED", "u1", "d1", "c1", null, null), "'type'");
        assertRefused(new GatewayEventJson("SET_CUSTOM_STATUS", "u1", "d1", "c1", null, null), "'type'");
    }

    @Test
    void idsFollowTheSpecRule() {
        assertRefused(new GatewayEventJson("HEARTBEAT", null, "d1", "c1", null, null), "'userId' is required");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u 1", "d1", "c1", null, null), "'userId'");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "x".repeat(65), "c1", null, null), "'deviceId'");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", null, "c1", null, null), "'deviceId' is required");
    }

    @Test
    void theConnectionIsRequiredWhereTheTypeNeedsItAndAtMost128Characters() {
        for (String type : new String[] {"LOGIN", "HEARTBEAT", "DISCONNECT"}) {
            assertRefused(new GatewayEventJson(type, "u1", "d1", null, type.equals("LOGIN") ? "IOS" : null, null),
                    "'connectionId' is required for " + type);
        }
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "", null, null), "'connectionId' must be 1-128");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c".repeat(129), null, null), "'connectionId'");
        assertThat(validator.toEvent(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c/#?".repeat(32), null, null))).isNotNull();
    }

    @Test
    void platformIsRequiredOnLoginAndRefusedElsewhere() {
        assertRefused(new GatewayEventJson("LOGIN", "u1", "d1", "c1", null, null), "'platform' is required for LOGIN");
        assertRefused(new GatewayEventJson("LOGIN", "u1", "d1", "c1", "PLAYSTATION", null), "'platform' must be one of IOS");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", "IOS", null), "only allowed on LOGIN");
    }

    @Test
    void timestampsFarInTheFutureOrNegativeAreRefused() {
        long now = NOW.toEpochMilli();
        assertThat(validator.toEvent(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, now + 60_000)).getTimestamp())
                .isEqualTo(Instant.ofEpochMilli(now + 60_000));
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, now + 60_001), "in the future");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, -1L), "positive");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, 0L), "positive");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, Long.MAX_VALUE), "in the future");
    }

    @Test
    void aGatewaysOwnEventIdIsKeptSoThatItsRetriesAreDuplicates() {
        GatewayEventJson named = new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, 1732550000000L, "gw-7:1234");

        assertThat(validator.toEvent(named).getEventId()).isEqualTo("gw-7:1234");
        assertThat(validator.toEvent(named)).isEqualTo(validator.toEvent(named));
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, null, ""), "'eventId' must be 1-128");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, null, "e".repeat(129)), "'eventId'");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, null, "  "), "not only blanks");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, null, "a\u0000b"), "control characters");
        assertRefused(new GatewayEventJson("HEARTBEAT", "u1", "d1", "c1", null, null, "tab\there"), "control characters");
    }

    private void assertRefused(GatewayEventJson item, String message) {
        assertThatThrownBy(() -> validator.toEvent(item))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_PARAMETER))
                .hasMessageContaining(message);
    }
}
