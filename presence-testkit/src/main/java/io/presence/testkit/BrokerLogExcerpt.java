package io.presence.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of a broker log worth putting in an exception message: the first errors of one run and its last lines.
 * The last lines alone are not enough, because a broker that fails to start logs its cause and then a long shutdown.
 */
final class BrokerLogExcerpt {

    private static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_ERRORS = 5;
    private static final int LINES_PER_ERROR = 4;
    private static final int LAST_LINES = 15;
    private static final Pattern ERROR_LINE = Pattern.compile(".* (ERROR|FATAL) .*");
    private static final Pattern LOG_LINE_START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} .*");

    private BrokerLogExcerpt() {
    }

    /** @param fromOffset where this run's output starts; the file is appended to across runs */
    static String of(Path file, long fromOffset) {
        List<String> lines;
        try {
            lines = readFrom(file, fromOffset);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
        String nl = System.lineSeparator();
        return "first errors:" + nl + String.join(nl, firstErrors(lines)) + nl
                + "last lines:" + nl + String.join(nl, lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size()));
    }

    /** Each error with the lines after it that are not log lines of their own: the exception and its first frames. */
    private static List<String> firstErrors(List<String> lines) {
        List<String> errors = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < lines.size() && found < MAX_ERRORS; i++) {
            if (ERROR_LINE.matcher(lines.get(i)).matches()) {
                found++;
                errors.add(lines.get(i));
                for (int j = i + 1; j < Math.min(lines.size(), i + LINES_PER_ERROR); j++) {
                    if (LOG_LINE_START.matcher(lines.get(j)).matches()) {
                        break;
                    }
                    errors.add(lines.get(j));
                }
            }
        }
        return errors.isEmpty() ? List.of("(none)") : errors;
    }

    private static List<String> readFrom(Path file, long fromOffset) throws IOException {
        if (!Files.exists(file)) {
            return List.of("(" + file + " does not exist)");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(fromOffset, raf.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) Math.max(0, raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            return Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
        }
    }
}
