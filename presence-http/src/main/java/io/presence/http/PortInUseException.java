package io.presence.http;

/** The HTTP port is taken; start-up must stop with a one-line explanation, not a stack trace. */
public final class PortInUseException extends RuntimeException {

    public PortInUseException(int port, Throwable cause) {
        super("port " + port + " is already in use; stop the process that holds it or configure another port", cause);
    }
}
