package io.presence.bench.timeouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.bench.workload.GeneratedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueConnectionsTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void dueConnectionsComeDueEvenlyOverTheSpread() {
        DueConnections due = new DueConnections("d-", 1_000, Platform.WEB, TIMEOUT, NOW + 5_000, Duration.ofSeconds(10));
        List<GeneratedEvent> logins = new ArrayList<>();
        due.generate(logins::add);

        assertThat(logins).hasSize(1_000).allMatch(e -> e.type() == EventType.LOGIN && e.platform() == Platform.WEB);
        List<Long> deadlines = logins.stream().map(e -> e.timestamp() + TIMEOUT.toMillis()).toList();
        assertThat(deadlines).isSorted().allMatch(d -> d >= NOW + 5_000 && d < NOW + 15_000);
        assertThat(deadlines.get(0)).isEqualTo(NOW + 5_000);
        assertThat(deadlines.get(500)).isEqualTo(NOW + 10_000);
        assertThat(due.lastDeadline()).isEqualTo(deadlines.get(999));
    }
}
