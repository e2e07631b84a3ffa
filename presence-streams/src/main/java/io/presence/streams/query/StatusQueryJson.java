package io.presence.streams.query;

import java.util.List;

/** The body of {@code POST /v1/status:query}: {@code {"userIds": ["u2", "u3"]}}. */
public record StatusQueryJson(List<String> userIds) {
}
