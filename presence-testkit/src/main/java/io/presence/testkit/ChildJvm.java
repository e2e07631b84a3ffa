package io.presence.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a Java main class as a child process with its output appended to a log file.
 *
 * <p>With {@code ownSession}, the child runs in a session of its own ({@code setsid}), so Ctrl-C in
 * the terminal reaches only the parent, which then stops its children in order (services before
 * the broker they write to) instead of all of them dying at once.
 */
public final class ChildJvm {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ChildJvm() {
    }

    public static Process start(List<String> jvmOptions, String classpath, String mainClass, List<String> args,
                                Map<String, String> env, Path logFile, boolean ownSession) {
        List<String> command = new ArrayList<>();
        if (ownSession && Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass + " (" + String.join(" ", command) + ")", e);
        }
    }
}
