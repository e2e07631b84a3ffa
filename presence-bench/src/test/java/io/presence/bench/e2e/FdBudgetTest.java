package io.presence.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FdBudgetTest {

    @Test
    void aLimitWithRoomForEverySocketAndTheMarginIsEnough() {
        assertThat(FdBudget.shortfall(10_000, 20_000, "the bench")).isEmpty();
        assertThat(FdBudget.shortfall(10_000, 10_000 + FdBudget.MARGIN, "the bench")).isEmpty();
    }

    @Test
    void aLowLimitIsAClearErrorThatSaysWhatToDo() {
        assertThat(FdBudget.shortfall(10_000, 4_096, "the socket fleet")).hasValueSatisfying(message -> assertThat(message)
                .contains("the socket fleet", "10,000 sockets", "13,000 open files", "4,096", "ulimit -n 13000", "--sockets 1096"));
    }
}
