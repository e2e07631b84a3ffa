package io.presence.streams.audit;

/**
 * A failure the auditor can act on (a wrong address, a missing topic): printed as one line, never
 * as a stack trace, and mapped to the process exit code.
 */
final class AuditException extends RuntimeException {

    private final int exitCode;

    AuditException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    AuditException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
