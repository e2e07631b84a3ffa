package io.presence.streams.query.routing;

import java.util.List;

/** Why keys of a lookup could not be read, for the log of the 50301 that answers it (never sent to clients). */
public final class UnavailableKeysException extends RuntimeException {

    public UnavailableKeysException(KeyResults<?> results) {
        super(describe(results), null, false, false);
    }

    private static String describe(KeyResults<?> results) {
        List<String> keys = results.unavailable();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("every key of the lookup was read");
        }
        KeyResult<?> first = results.get(keys.get(0));
        return keys.size() + " keys unavailable, e.g. '" + keys.get(0) + "': " + ((KeyResult.Unavailable<?>) first).reason();
    }
}
