package io.presence.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void reportsPercentilesOfMicrosecondsInMilliseconds() {
        Histogram micros = LatencySummary.newMicrosHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            micros.recordValue(ms * 1000L);
        }

        LatencySummary summary = LatencySummary.of(micros);

        // 3 significant digits: each figure is within 0.1 % of the exact one
        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p1Ms()).isCloseTo(10, within(0.01));
        assertThat(summary.p50Ms()).isCloseTo(500, within(0.5));
        assertThat(summary.p90Ms()).isCloseTo(900, within(0.9));
        assertThat(summary.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(summary.maxMs()).isCloseTo(1000, within(1.0));
        assertThat(summary.meanMs()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void formatsEveryPercentileOnOneLine() {
        Histogram micros = LatencySummary.newMicrosHistogram();
        // below 2048 units a 3-digit histogram is exact, so the printed figure is the recorded one
        micros.recordValue(1500);

        assertThat(LatencySummary.of(micros).format())
                .isEqualTo("n=1 p1=1.500 p50=1.500 p90=1.500 p99=1.500 p99.9=1.500 max=1.500 mean=1.500 ms");
    }

    @Test
    void readsNanosecondHistogramsInMillisecondsToo() {
        Histogram nanos = LatencySummary.newNanosHistogram();
        nanos.recordValue(3_000);

        assertThat(LatencySummary.ofNanos(nanos).p50Ms()).isCloseTo(0.003, within(0.000_01));
        assertThat(LatencySummary.ofNanos(nanos).format()).startsWith("n=1 p1=0.003 p50=0.003 ");
    }

    @Test
    void anEmptyHistogramIsAllZeros() {
        assertThat(LatencySummary.of(LatencySummary.newMicrosHistogram()).format())
                .isEqualTo("n=0 p1=0.000 p50=0.000 p90=0.000 p99=0.000 p99.9=0.000 max=0.000 mean=0.000 ms");
    }
}
