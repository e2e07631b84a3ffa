package io.presence.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's entry point, {@code deploy/container/presence}, run as the image runs it:
 * {@code sh presence <service>} with every jar in one directory ({@code PRESENCE_HOME/lib}).
 */
class ContainerEntryPointTest {

    private static final Path SCRIPT = Path.of("container", "presence");
    private static final Pattern SERVICE_LINE = Pattern.compile("^\\s*([a-z]+)\\) main=([\\w.]+)", Pattern.MULTILINE);

    @TempDir
    static Path home;

    /** The test's classpath as the image lays it out: every jar in one directory. */
    @BeforeAll
    static void layOutTheClasspathAsJars() throws IOException {
        Path lib = Files.createDirectory(home.resolve("lib"));
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            Path jar = lib.resolve(index++ + "-" + path.getFileName() + (Files.isDirectory(path) ? ".jar" : ""));
            if (Files.isDirectory(path)) {
                jarUp(path, jar);
            } else if (Files.isRegularFile(path)) {
                Files.createSymbolicLink(jar, path.toAbsolutePath());
            }
        }
    }

    @Test
    void namesEveryServiceOfTheImageAndTheAuditByAMainClassThatExists() throws Exception {
        Map<String, String> mains = servicesInScript();

        List<String> programs = new ArrayList<>(List.of("audit"));
        Arrays.stream(PresenceService.values()).forEach(service -> programs.add(service.argument));
        assertThat(mains.keySet()).containsExactlyInAnyOrderElementsOf(programs);
        for (String mainClass : mains.values()) {
            assertThat(Class.forName(mainClass).getMethod("main", String[].class)).as(mainClass).isNotNull();
        }
    }

    @Test
    void runsTheNamedProgramOnTheJarsOfItsLibraryWithTheArgumentsAfterTheName() throws Exception {
        Run run = run("audit", "--help");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Usage: presence-audit").contains("status-at").contains("verify");
    }

    @Test
    void refusesAnUnknownOrMissingServiceWithItsUsage() throws Exception {
        for (List<String> args : List.of(List.of("gateway"), List.<String>of())) {
            Run run = run(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(args.toString()).isEqualTo(64);
            assertThat(run.output()).contains("usage: presence registry|ingest|streams|notifier|audit");
        }
    }

    private static Map<String, String> servicesInScript() throws IOException {
        Map<String, String> mains = new LinkedHashMap<>();
        Matcher line = SERVICE_LINE.matcher(Files.readString(SCRIPT));
        while (line.find()) {
            mains.put(line.group(1), line.group(2));
        }
        return mains;
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PRESENCE_HOME", home.toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + builder.environment().getOrDefault("PATH", ""));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the entry point did not finish within 60 s: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    private static void jarUp(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }
}
