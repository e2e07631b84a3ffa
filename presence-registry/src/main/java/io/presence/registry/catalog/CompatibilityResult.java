package io.presence.registry.catalog;

import java.util.List;

/** The outcome of a compatibility check; {@code messages} says what breaks, empty when compatible. */
public record CompatibilityResult(List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }

    public boolean compatible() {
        return messages.isEmpty();
    }
}
