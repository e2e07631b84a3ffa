package io.presence.ingest.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The body of {@code POST /v1/events}: {@code {"events": [ … ]}}. Items stay JSON trees so that each is checked on its own. */
public record GatewayBatchJson(List<JsonNode> events) {
}
