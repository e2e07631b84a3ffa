package io.presence.streams.query.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of every key of one lookup, in the order the keys were asked. */
public final class KeyResults<A> {

    private final Map<String, KeyResult<A>> byKey;

    public KeyResults(Map<String, KeyResult<A>> byKey) {
        this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    public KeyResult<A> get(String key) {
        KeyResult<A> result = byKey.get(key);
        if (result == null) {
            throw new IllegalArgumentException("key '" + key + "' was not part of this lookup");
        }
        return result;
    }

    /** Keys no copy could answer, in asking order. */
    public List<String> unavailable() {
        return byKey.entrySet().stream().filter(e -> !e.getValue().isResolved()).map(Map.Entry::getKey).toList();
    }

    public Map<String, KeyResult<A>> asMap() {
        return byKey;
    }
}
