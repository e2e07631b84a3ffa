package io.presence.streams.audit;

/** The exit codes of {@code bin/presence-audit}, documented in the README's audit section. */
final class ExitCodes {

    /** The command ran; for {@code verify}, replay and published changes are identical. */
    static final int OK = 0;
    /** {@code verify} found at least one change that differs, is missing or is extra. */
    static final int MISMATCH = 1;
    /** Bad command line (picocli's own code for usage errors). */
    static final int USAGE = 2;
    /** Kafka unreachable, a topic missing, the schema registry unreachable or refusing, or a redriven record not written. */
    static final int UNAVAILABLE = 3;

    private ExitCodes() {
    }
}
