package io.presence.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final BenchReport report = new BenchReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), "fold");

    @Test
    void theHeadlineIsTheLastLineEvenWhenRecordedFirst() {
        report.headline(100, "events/s", 50);
        report.result("heap-retained", 12, "MiB", 10);
        report.say("progress %d%%", 50);

        report.printResults();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).containsExactly(
                "[fold] progress 50%",
                "RESULT scenario=fold/heap-retained value=12 unit=MiB baseline=10 ratio=1.2",
                "RESULT scenario=fold value=100 unit=events/s baseline=50 ratio=2");
    }

    @Test
    void aScenarioWithoutHeadlineFails() {
        report.result("p50", 1, "ms", 1);

        assertThatThrownBy(report::printResults).isInstanceOf(IllegalStateException.class).hasMessageContaining("fold");
    }
}
