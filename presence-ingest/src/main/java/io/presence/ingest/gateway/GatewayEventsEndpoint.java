package io.presence.ingest.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.presence.avro.PresenceEvent;
import io.presence.http.ApiException;
import io.presence.http.JsonInput;
import io.presence.http.auth.ApiKeyVerifier;
import io.presence.ingest.gateway.BatchAnswer.Rejection;
import io.presence.ingest.kafka.PresenceLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /v1/events}: a gateway's batch of session events (SPEC §9). Each item is checked on
 * its own; the valid ones are written, the others named in the answer. The 200 is sent only after
 * Kafka acknowledged every written event; if it cannot, the whole call is 50301.
 */
public final class GatewayEventsEndpoint {

    public static final String API_KEY_HEADER = "X-Api-Key";

    private final ApiKeyVerifier apiKeys;
    private final GatewayEventValidator validator;
    private final PresenceLog log;
    private final int maxBatchEvents;
    private final MeterRegistry metrics;
    /** By outcome, then gateway name: built once each, not per call. */
    private final Map<String, Map<String, Counter>> counters = Map.of("accepted", new ConcurrentHashMap<>(),
            "rejected", new ConcurrentHashMap<>());

    public GatewayEventsEndpoint(ApiKeyVerifier apiKeys, GatewayEventValidator validator, PresenceLog log,
                                 int maxBatchEvents, MeterRegistry metrics) {
        this.apiKeys = apiKeys;
        this.validator = validator;
        this.log = log;
        this.maxBatchEvents = maxBatchEvents;
        this.metrics = metrics;
        // registered before the first call, so the series exist (at 0) for dashboards and alerts
        counter("accepted", ApiKeyVerifier.UNNAMED);
        counter("rejected", ApiKeyVerifier.UNNAMED);
    }

    public void post(Context ctx) {
        String gateway = apiKeys.verify(ctx.header(API_KEY_HEADER));
        List<JsonNode> items = JsonInput.read(ctx, GatewayBatchJson.class).events();
        if (items == null) {
            throw ApiException.invalidParameter("field 'events' is required");
        }
        if (items.size() > maxBatchEvents) {
            throw ApiException.invalidParameter("at most " + maxBatchEvents + " events per call, got " + items.size());
        }
        List<PresenceEvent> valid = new ArrayList<>(items.size());
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                valid.add(validator.toEvent(parse(items.get(i)), gateway));
            } catch (ApiException e) {
                rejections.add(new Rejection(i, e.error().code(), e.getMessage()));
            }
        }
        BatchAnswer answer = new BatchAnswer(valid.size(), List.copyOf(rejections));
        counter("rejected", gateway).increment(rejections.size());
        ctx.future(() -> log.appendEvents(valid).thenRun(() -> {
            counter("accepted", gateway).increment(valid.size());
            ctx.json(answer);
        }));
    }

    /** Per gateway name (few: one per key), so an operator sees which gateway sends what. */
    private Counter counter(String outcome, String gateway) {
        return counters.get(outcome).computeIfAbsent(gateway, name -> Counter.builder("presence.ingest.gateway.events")
                .tag("outcome", outcome).tag("gateway", name.isEmpty() ? "unnamed" : name)
                .description("gateway events written to Kafka (accepted) or refused by validation (rejected), by gateway key name")
                .register(metrics));
    }

    private static GatewayEventJson parse(JsonNode item) {
        if (!item.isObject()) {
            throw ApiException.invalidParameter("event must be a JSON object");
        }
        try {
            return JsonInput.mapper().treeToValue(item, GatewayEventJson.class);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidParameter(JsonInput.describe(e));
        }
    }
}
