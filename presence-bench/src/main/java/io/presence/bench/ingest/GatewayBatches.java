package io.presence.bench.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.bench.workload.GeneratedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Gateway batches as a gateway sends them to {@code POST /v1/events} (SPEC §9):
 * {@code {"events":[{"type":"LOGIN","userId":…,"deviceId":…,"connectionId":…,"platform":…,"timestamp":…}, …]}}.
 * Rendered before the clock starts, so the load generator spends its time sending, not encoding.
 */
public final class GatewayBatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayBatches() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String type, String userId, String deviceId, String connectionId, String platform, long timestamp) {

        static Item of(GeneratedEvent e) {
            return new Item(e.type().name(), e.userId(), e.deviceId(), e.connectionId(),
                    e.platform() == null ? null : e.platform().name(), e.timestamp());
        }
    }

    record Body(List<Item> events) {
    }

    /** The events in order, {@code batchSize} per body (the last may be smaller). */
    public static List<byte[]> render(List<GeneratedEvent> events, int batchSize) {
        List<byte[]> bodies = new ArrayList<>(events.size() / batchSize + 1);
        for (int from = 0; from < events.size(); from += batchSize) {
            List<Item> items = events.subList(from, Math.min(events.size(), from + batchSize)).stream().map(Item::of).toList();
            try {
                bodies.add(JSON.writeValueAsBytes(new Body(items)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render a gateway batch", e);
            }
        }
        return bodies;
    }
}
