package io.presence.registry.catalog;

/** The schema log could not be read or written. */
public final class SchemaLogException extends RuntimeException {

    public SchemaLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
