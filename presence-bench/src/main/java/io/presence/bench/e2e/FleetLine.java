package io.presence.bench.e2e;

/**
 * The lines the socket fleet (a child JVM) writes to the bench on its stdout, one event a line:
 * a keyword, then space-separated fields, free text last.
 */
sealed interface FleetLine {

    /** The child's System.nanoTime as it started: lets the bench check that both JVMs read one clock. */
    record Clock(long nanos) implements FleetLine {
        public String format() {
            return "clock " + nanos;
        }
    }

    /** Progress: this many sockets are open and served so far. */
    record Ready(int sockets) implements FleetLine {
        public String format() {
            return "ready " + sockets;
        }
    }

    /** Every socket is open and served. */
    record AllReady(int sockets) implements FleetLine {
        public String format() {
            return "all-ready " + sockets;
        }
    }

    /** A notification frame arrived at {@code arrivalNanos} (System.nanoTime). */
    record Frame(long arrivalNanos, String userId, long version, String status) implements FleetLine {
        public String format() {
            return "frame " + arrivalNanos + " " + userId + " " + version + " " + status;
        }
    }

    /** A served socket was closed or failed. */
    record Lost(String userId, int code, String reason) implements FleetLine {
        public String format() {
            return "lost " + userId + " " + code + " " + oneLine(reason);
        }
    }

    /** The fleet cannot go on. */
    record Failed(String reason) implements FleetLine {
        public String format() {
            return "failed " + oneLine(reason);
        }
    }

    String format();

    static FleetLine parse(String line) {
        String[] words = line.split(" ", 2);
        String rest = words.length > 1 ? words[1] : "";
        String[] fields = rest.split(" ");
        return switch (words[0]) {
            case "clock" -> new Clock(Long.parseLong(rest));
            case "ready" -> new Ready(Integer.parseInt(rest));
            case "all-ready" -> new AllReady(Integer.parseInt(rest));
            case "frame" -> new Frame(Long.parseLong(fields[0]), fields[1], Long.parseLong(fields[2]), fields[3]);
            case "lost" -> new Lost(fields[0], Integer.parseInt(fields[1]), rest.split(" ", 3).length > 2 ? rest.split(" ", 3)[2] : "");
            case "failed" -> new Failed(rest);
            default -> throw new IllegalArgumentException("not a socket fleet line: " + line);
        };
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
    }
}
