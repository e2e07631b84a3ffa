package io.presence.schemas.registry;

/** The registry answered with an error ({@code error_code} as Confluent defines it) or could not be reached. */
public final class SchemaRegistryException extends RuntimeException {

    /** Used when the registry could not be reached or did not answer with a JSON error body. */
    public static final int UNREACHABLE = -1;

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
}
