package io.presence.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdleConnectionsTest {

    private static final long NOW = 1_700_000_000_000L;

    @Test
    void oneLoginPerUserAtTheSameMoment() {
        List<GeneratedEvent> logins = new ArrayList<>();
        new IdleConnections("i-", 100, Platform.IOS, NOW).generate(logins::add);

        assertThat(logins).hasSize(100)
                .allMatch(e -> e.type() == EventType.LOGIN && e.timestamp() == NOW && e.platform() == Platform.IOS);
        assertThat(logins).extracting(GeneratedEvent::userId).doesNotHaveDuplicates().contains("i-0", "i-99");
    }
}
