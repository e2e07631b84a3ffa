package io.presence.notifier.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A receiver's {@code Retry-After} (RFC 9110 §10.2.3): seconds, or an HTTP date. A push service that
 * is overloaded says when to come back; retrying sooner only adds to its load and spends our budget.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** How long the receiver asked us to wait, or null when it did not (or said something unreadable). */
    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
