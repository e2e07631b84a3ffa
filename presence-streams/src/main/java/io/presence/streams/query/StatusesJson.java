package io.presence.streams.query;

import java.util.List;

/** The answer of GetUserStatus: {@code {"statuses": […]}}, in the order the ids were asked (SPEC §9). */
public record StatusesJson(List<StatusJson> statuses) {
}
