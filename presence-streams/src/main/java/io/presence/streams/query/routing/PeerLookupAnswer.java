package io.presence.streams.query.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of the internal lookup, one entry per key asked:
 * {@code {"found": {"u1": {…}}, "absent": ["u7"], "unavailable": {"u9": "reason"}}}.
 */
public record PeerLookupAnswer<A>(Map<String, A> found, List<String> absent, Map<String, String> unavailable) {

    public PeerLookupAnswer {
        found = found == null ? Map.of() : found;
        absent = absent == null ? List.of() : absent;
        unavailable = unavailable == null ? Map.of() : unavailable;
    }

    static <A> PeerLookupAnswer<A> of(Map<String, KeyResult<A>> results) {
        Map<String, A> found = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        results.forEach((key, result) -> {
            if (result instanceof KeyResult.Found<A> hit) {
                found.put(key, hit.answer());
            } else if (result instanceof KeyResult.Absent<A>) {
                absent.add(key);
            } else if (result instanceof KeyResult.Unavailable<A> miss) {
                unavailable.put(key, miss.reason());
            }
        });
        return new PeerLookupAnswer<>(found, absent, unavailable);
    }

    /** Results for the keys asked; a key the answer does not mention is unavailable, never silently absent. */
    Map<String, KeyResult<A>> toResults(List<String> asked) {
        Set<String> absentKeys = new HashSet<>(absent);
        Map<String, KeyResult<A>> results = new LinkedHashMap<>();
        for (String key : asked) {
            A answer = found.get(key);
            if (answer != null) {
                results.put(key, new KeyResult.Found<>(answer));
            } else if (absentKeys.contains(key)) {
                results.put(key, new KeyResult.Absent<>());
            } else {
                results.put(key, new KeyResult.Unavailable<>(unavailable.getOrDefault(key, "the peer's answer left it out")));
            }
        }
        return results;
    }
}
