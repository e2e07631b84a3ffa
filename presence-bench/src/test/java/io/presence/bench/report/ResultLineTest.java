package io.presence.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void formatsTheContractLineWithRoundedPlainNumbers() {
        ResultLine line = new ResultLine("fold", 34360.912, "events/s", 33623.2449);

        assertThat(line.format()).isEqualTo("RESULT scenario=fold value=34360.91 unit=events/s baseline=33623.24 ratio=1.022");
    }

    @Test
    void largeAndWholeNumbersHaveNoExponentAndNoTrailingZeros() {
        ResultLine line = new ResultLine("ingest", 12_000_000.0, "events/s", 4_000_000.0);

        assertThat(line.format()).isEqualTo("RESULT scenario=ingest value=12000000 unit=events/s baseline=4000000 ratio=3");
    }

    @Test
    void aZeroBaselineGivesNaNRatherThanAnInfiniteRatio() {
        ResultLine line = new ResultLine("timeouts", 3.5, "ms", 0);

        assertThat(line.format()).endsWith("baseline=0 ratio=NaN");
    }

    @Test
    void smallValuesKeepTwoDecimals() {
        assertThat(ResultLine.plain(0.004, 2)).isEqualTo("0");
        assertThat(ResultLine.plain(0.005, 2)).isEqualTo("0.01");
        assertThat(ResultLine.plain(1.5, 3)).isEqualTo("1.5");
    }

    @Test
    void refusesNamesThatWouldBreakTheLine() {
        assertThatThrownBy(() -> new ResultLine("fold run", 1, "ms", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResultLine("fold", 1, "events per s", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
