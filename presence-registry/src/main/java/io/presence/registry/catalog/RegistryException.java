package io.presence.registry.catalog;

/** A request the registry refuses; the server turns it into {@code {"error_code", "message"}}. */
public final class RegistryException extends RuntimeException {

    private final RegistryError error;

    public RegistryException(RegistryError error, String message) {
        super(message);
        this.error = error;
    }

    public RegistryError error() {
        return error;
    }
}
