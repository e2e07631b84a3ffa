package io.presence.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.bench.workload.GeneratedEvent;
import org.junit.jupiter.api.Test;

class ChangePlanTest {

    private final ChangePlan plan = new ChangePlan("e2e-x-u", 3);

    @Test
    void aUserLogsInThenDisconnectsAndReconnectsOnANewConnectionInTurn() {
        assertThat(plan.event(2, 0, 1_000)).isEqualTo(
                new GeneratedEvent(EventType.LOGIN, "e2e-x-u2", ChangePlan.DEVICE, "c0", Platform.IOS, null, 1_000));
        assertThat(plan.event(2, 1, 2_000)).isEqualTo(
                new GeneratedEvent(EventType.DISCONNECT, "e2e-x-u2", ChangePlan.DEVICE, "c0", null, null, 2_000));
        // R-SES-2: a heartbeat on a new connection reconnects a DISCONNECTED device
        assertThat(plan.event(2, 2, 3_000)).isEqualTo(
                new GeneratedEvent(EventType.HEARTBEAT, "e2e-x-u2", ChangePlan.DEVICE, "c2", null, null, 3_000));
        // R-SES-3: the DISCONNECT names the current connection, else it would be ignored
        assertThat(plan.event(2, 3, 4_000).connectionId()).isEqualTo("c2");
    }

    @Test
    void everyChangeIsTheNextVersionAndAlternatesOnlineAndOffline() {
        assertThat(ChangePlan.version(0)).isEqualTo(1);
        assertThat(ChangePlan.change(ChangePlan.version(41))).isEqualTo(41);
        assertThat(ChangePlan.statusAfter(0)).isEqualTo("ONLINE");
        assertThat(ChangePlan.statusAfter(1)).isEqualTo("OFFLINE");
        assertThat(ChangePlan.statusAfter(2)).isEqualTo("ONLINE");
    }

    @Test
    void knowsItsOwnUsersOnly() {
        assertThat(plan.userIndex("e2e-x-u0")).isZero();
        assertThat(plan.userIndex("e2e-x-u2")).isEqualTo(2);
        assertThat(plan.userIndex("e2e-x-u3")).isEqualTo(-1);
        assertThat(plan.userIndex("e2e-y-u1")).isEqualTo(-1);
        assertThat(plan.userIndex("e2e-x-uabc")).isEqualTo(-1);
    }
}
