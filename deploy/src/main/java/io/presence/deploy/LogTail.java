package io.presence.deploy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The last lines a child wrote to its log in this run, for error messages that say why it did not
 * start. Logs are kept across runs, so the lines before the run's first byte are left out: they may
 * tell of an earlier failure that is not this one.
 */
final class LogTail {

    private final Path file;
    private final long start;

    private LogTail(Path file, long start) {
        this.file = file;
        this.start = start;
    }

    /** Marks where this run's lines will begin: the log's current end. */
    static LogTail from(Path file) {
        try {
            return new LogTail(file, Files.exists(file) ? Files.size(file) : 0);
        } catch (IOException e) {
            return new LogTail(file, 0);
        }
    }

    Path file() {
        return file;
    }

    String last(int lines) {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            byte[] written = new byte[(int) Math.max(0, log.length() - start)];
            log.seek(start);
            log.readFully(written);
            List<String> all = new String(written, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
