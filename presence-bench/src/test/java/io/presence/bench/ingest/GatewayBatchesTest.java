package io.presence.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.bench.workload.GeneratedEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayBatchesTest {

    @Test
    void rendersSpecBatchesOfAtMostTheBatchSizeWithoutNullFields() throws IOException {
        List<GeneratedEvent> events = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            events.add(i % 2 == 0
                    ? new GeneratedEvent(EventType.LOGIN, "u" + i, "d", "c" + i, Platform.IOS, null, 1_700_000_000_000L + i)
                    : new GeneratedEvent(EventType.LOGOUT, "u" + i, "d", null, null, null, 1_700_000_000_000L + i));
        }

        List<byte[]> bodies = GatewayBatches.render(events, 1000);

        assertThat(bodies).hasSize(3);
        JsonNode last = new ObjectMapper().readTree(bodies.get(2));
        assertThat(last.get("events")).hasSize(500);
        JsonNode first = new ObjectMapper().readTree(bodies.get(0)).get("events");
        assertThat(first.get(0).toString())
                .isEqualTo("{\"type\":\"LOGIN\",\"userId\":\"u0\",\"deviceId\":\"d\",\"connectionId\":\"c0\",\"platform\":\"IOS\",\"timestamp\":1700000000000}");
        assertThat(first.get(1).toString())
                .isEqualTo("{\"type\":\"LOGOUT\",\"userId\":\"u1\",\"deviceId\":\"d\",\"timestamp\":1700000000001}");
    }
}
