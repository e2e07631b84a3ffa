package io.presence.streams.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.presence.schemas.topics.DeadLetterHeaders;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Writes dead letters as they are read: a table for people, or JSON Lines (one object a line, so a
 * tool can stream {@code presence.dlq} of any size through {@code jq}).
 */
abstract class DeadLetterRows {

    enum Format { TABLE, JSON }

    static DeadLetterRows of(Format format, PrintStream out) {
        return format == Format.TABLE ? new Table(out) : new JsonLines(out);
    }

    abstract void write(DeadLetter letter);

    private static final class Table extends DeadLetterRows {
        private static final String ROW = "%-12s %-24s %-11s %-26s %-32s %-24s %s%n";
        private final PrintStream out;
        private boolean headed;

        Table(PrintStream out) {
            this.out = out;
        }

        @Override
        void write(DeadLetter letter) {
            if (!headed) {
                out.printf(ROW, "DLQ", "DEAD_LETTERED_AT", "STAGE", "REASON", "SOURCE", "KEY", "MESSAGE");
                headed = true;
            }
            String message = letter.message();
            // a message may quote a receiver's answer over several lines; a row stays one line
            out.printf(ROW, letter.position(), letter.deadLetteredAt(), letter.stage(), letter.reason(), letter.source(),
                    letter.key(), message == null ? "" : message.replaceAll("\\s+", " "));
        }
    }

    private static final class JsonLines extends DeadLetterRows {
        private final PrintStream out;
        private final JsonFactory json = new JsonFactory();

        JsonLines(PrintStream out) {
            this.out = out;
        }

        @Override
        void write(DeadLetter letter) {
            try (JsonGenerator line = json.createGenerator(out)) {
                line.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                line.writeStartObject();
                line.writeNumberField("partition", letter.partition());
                line.writeNumberField("offset", letter.offset());
                line.writeStringField("deadLetteredAt", letter.deadLetteredAt().toString());
                line.writeStringField("key", letter.key());
                line.writeNumberField("valueBytes", letter.value() == null ? 0 : letter.value().length);
                if (letter.cause().isPresent()) {
                    DeadLetterHeaders.Cause cause = letter.cause().get();
                    line.writeStringField("stage", cause.stage());
                    line.writeStringField("reason", cause.reason());
                    line.writeStringField("sourceTopic", cause.topic());
                    line.writeNumberField("sourcePartition", cause.partition());
                    line.writeNumberField("sourceOffset", cause.offset());
                    line.writeStringField("exception", cause.exception());
                    line.writeStringField("message", cause.message());
                }
                line.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
        }
    }
}
