package io.presence.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseTest {

    // 3 users, 2 rounds from change 5: 6 events, 4 per tick
    private final Phase phase = new Phase(new ChangePlan("u", 3), 5, 2, 4);

    @Test
    void sendsEveryUsersNextChangeRoundByRoundInUserOrder() {
        assertThat(phase.events()).isEqualTo(6);
        assertThat(phase.ticks()).isEqualTo(2);
        assertThat(phase.nextChange()).isEqualTo(7);
        assertThat(phase.changesOf(0)).containsExactly(new Phase.Change(0, 5), new Phase.Change(1, 5), new Phase.Change(2, 5),
                new Phase.Change(0, 6));
        assertThat(phase.changesOf(1)).containsExactly(new Phase.Change(1, 6), new Phase.Change(2, 6));
    }

    @Test
    void aFramesUserAndVersionNameItsEventAndTick() {
        for (long tick = 0; tick < phase.ticks(); tick++) {
            List<Phase.Change> changes = phase.changesOf(tick);
            for (Phase.Change change : changes) {
                long index = phase.indexOf(change.user(), ChangePlan.version(change.change()));
                assertThat(phase.tickOf(index)).isEqualTo(tick);
            }
        }
    }

    @Test
    void versionsOfOtherPhasesAndUnknownUsersAreNotInIt() {
        assertThat(phase.indexOf(0, ChangePlan.version(4))).isEqualTo(-1);
        assertThat(phase.indexOf(0, ChangePlan.version(7))).isEqualTo(-1);
        assertThat(phase.indexOf(-1, ChangePlan.version(5))).isEqualTo(-1);
    }

    @Test
    void theRateIsKeptByEventsPerTick() {
        assertThat(PhaseRunner.perTick(10_000)).isEqualTo(100);
        assertThat(PhaseRunner.perTick(2_000)).isEqualTo(20);
        assertThat(PhaseRunner.perTick(10)).isEqualTo(1);
    }
}
