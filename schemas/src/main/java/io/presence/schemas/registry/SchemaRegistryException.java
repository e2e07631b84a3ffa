package io.presence.schemas.registry;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** The registry answered with an error ({@code error_code} as Confluent defines it) or could not be reached. */
public final class SchemaRegistryException extends RuntimeException {

    /** Used when the registry could not be reached or did not answer with a JSON error body. */
    public static final int UNREACHABLE = -1;

    // Confluent's clients retry exactly these: timeouts, throttling and server-side trouble
    private static final Set<Integer> UNAVAILABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    /**
     * Whether the registry could not answer (unreachable, timed out, throttled, failing, or the call
     * interrupted) rather than answering that something is wrong: asking again later may well succeed,
     * and a record that needed the answer is not at fault.
     */
    public boolean isUnavailable() {
        return httpStatus == 0 || UNAVAILABLE_STATUSES.contains(httpStatus);
    }

    /** Whether {@code failure} or one of its causes is an {@link #isUnavailable() unavailable} registry. */
    public static boolean isUnavailableIn(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
                .anyMatch(t -> t instanceof SchemaRegistryException e && e.isUnavailable());
    }
}
