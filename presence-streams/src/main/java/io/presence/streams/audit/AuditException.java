package io.presence.streams.audit;

import io.presence.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;

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

    /**
     * A value the schema registry could not help decode stops the audit (exit 3) instead of being skipped as
     * undecodable: the live app waits for the registry there, so skipping would read another log.
     */
    static void stopIfRegistryUnavailable(SerializationException undecodable) {
        if (SchemaRegistryException.isUnavailableIn(undecodable)) {
            throw new AuditException("schema registry: " + undecodable.getMessage(), ExitCodes.UNAVAILABLE, undecodable);
        }
    }

    int exitCode() {
        return exitCode;
    }
}
