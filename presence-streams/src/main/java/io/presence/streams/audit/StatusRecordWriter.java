package io.presence.streams.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.presence.avro.DeviceSession;
import io.presence.avro.UserStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes status records as they come (one partition at a time), so a status-at over millions of
 * users never holds its output: a table for people, CSV for spreadsheets, a JSON array for tools.
 * The record written is the public {@code UserStatus} of {@code presence.status}.
 */
abstract class StatusRecordWriter {

    enum Format { TABLE, JSON, CSV }

    static StatusRecordWriter of(Format format, PrintStream out) {
        return switch (format) {
            case TABLE -> new Table(out);
            case CSV -> new Csv(out);
            case JSON -> new Json(out);
        };
    }

    abstract void begin();

    abstract void write(UserStatus status);

    abstract void end();

    static String devices(List<DeviceSession> devices) {
        return devices.stream().map(d -> d.getDeviceId() + ":" + d.getPlatform() + ":" + d.getState())
                .collect(Collectors.joining(";"));
    }

    static String instant(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** None for a user never seen (version 0), as the query API answers, rather than 1970. */
    private static Instant lastChanged(UserStatus s) {
        return s.getVersion() == 0 ? null : s.getLastChangedAt();
    }

    private static final class Table extends StatusRecordWriter {
        private static final String ROW = "%-24s %-9s %7s %-24s %-24s %-20s %s%n";
        private final PrintStream out;

        Table(PrintStream out) {
            this.out = out;
        }

        void begin() {
            out.printf(ROW, "USER", "STATUS", "VERSION", "LAST_CHANGED", "LAST_SEEN", "CUSTOM", "DEVICES");
        }

        void write(UserStatus s) {
            out.printf(ROW, s.getUserId(), s.getStatus(), s.getVersion(), instant(lastChanged(s)),
                    instant(s.getLastSeenAt()), s.getCustomStatus(), devices(s.getDevices()));
        }

        void end() {
            out.flush();
        }
    }

    private static final class Csv extends StatusRecordWriter {
        private final PrintStream out;

        Csv(PrintStream out) {
            this.out = out;
        }

        void begin() {
            out.println("userId,status,version,lastChangedAt,lastSeenAt,customStatus,devices");
        }

        void write(UserStatus s) {
            out.println(String.join(",", quoted(s.getUserId()), s.getStatus().toString(), Long.toString(s.getVersion()),
                    instant(lastChanged(s)), instant(s.getLastSeenAt()), quoted(s.getCustomStatus()),
                    quoted(devices(s.getDevices()))));
        }

        void end() {
            out.flush();
        }

        /** RFC 4180: custom status is free text, so any field may hold commas or quotes. */
        private static String quoted(String field) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
    }

    private static final class Json extends StatusRecordWriter {
        private final JsonGenerator json;

        Json(PrintStream out) {
            try {
                json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void begin() {
            io(() -> json.writeStartArray());
        }

        void write(UserStatus s) {
            io(() -> {
                json.writeStartObject();
                json.writeStringField("userId", s.getUserId());
                json.writeStringField("status", s.getStatus().toString());
                json.writeStringField("customStatus", s.getCustomStatus());
                json.writeNumberField("version", s.getVersion());
                json.writeStringField("lastChangedAt", lastChanged(s) == null ? null : lastChanged(s).toString());
                json.writeStringField("lastSeenAt", s.getLastSeenAt() == null ? null : s.getLastSeenAt().toString());
                json.writeArrayFieldStart("devices");
                for (DeviceSession d : s.getDevices()) {
                    json.writeStartObject();
                    json.writeStringField("deviceId", d.getDeviceId());
                    json.writeStringField("platform", d.getPlatform().toString());
                    json.writeStringField("state", d.getState().toString());
                    json.writeStringField("connectionId", d.getConnectionId());
                    json.writeStringField("since", instant(d.getSince()));
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            });
        }

        void end() {
            io(() -> {
                json.writeEndArray();
                json.writeRaw('\n');
                json.flush();
            });
        }

        private interface JsonStep {
            void run() throws IOException;
        }

        private static void io(JsonStep step) {
            try {
                step.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
