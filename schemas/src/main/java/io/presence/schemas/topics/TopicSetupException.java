package io.presence.schemas.topics;

/** Topics could not be created or do not match the configured layout; start-up must stop. */
public final class TopicSetupException extends RuntimeException {
    public TopicSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
