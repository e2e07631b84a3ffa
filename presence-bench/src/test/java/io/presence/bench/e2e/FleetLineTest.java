package io.presence.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FleetLineTest {

    @Test
    void everyLineReadsBackAsWritten() {
        List<FleetLine> lines = List.of(new FleetLine.Clock(123_456_789L), new FleetLine.Ready(1_000), new FleetLine.AllReady(10_000),
                new FleetLine.Frame(987_654_321L, "e2e-x-u7", 42, "OFFLINE"), new FleetLine.Lost("e2e-x-u7", 1013, "try again later"),
                new FleetLine.Failed("java.net.ConnectException: refused"));

        for (FleetLine line : lines) {
            assertThat(FleetLine.parse(line.format())).isEqualTo(line);
        }
    }

    @Test
    void freeTextStaysOnOneLine() {
        FleetLine.Lost lost = new FleetLine.Lost("u", 1006, "broken\npipe");

        assertThat(lost.format()).doesNotContain("\n");
        assertThat(FleetLine.parse(lost.format())).isEqualTo(new FleetLine.Lost("u", 1006, "broken pipe"));
        assertThat(FleetLine.parse("lost u 1000")).isEqualTo(new FleetLine.Lost("u", 1000, ""));
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> FleetLine.parse("hello world")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hello");
    }
}
