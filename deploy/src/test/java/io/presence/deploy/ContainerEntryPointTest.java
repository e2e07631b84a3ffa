package io.presence.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    @Test
    void withPresenceLogFormatJsonAServiceLogsOneJsonObjectALine() throws Exception {
        Files.copy(Path.of("src", "main", "resources", "logback-json.xml"), home.resolve("logback-json.xml"), StandardCopyOption.REPLACE_EXISTING);
        // a registry with no Kafka to reach: the Kafka client logs its WARNs, then the registry gives up
        Run run = run(Map.of("PRESENCE_LOG_FORMAT", "json", "PRESENCE_KAFKA_BOOTSTRAP", "127.0.0.1:1",
                "PRESENCE_SCHEMA_REGISTRY_PORT", "0", "PRESENCE_SCHEMA_REGISTRY_KAFKA_TIMEOUT", "2s"), "registry");

        List<JsonNode> logged = run.output().lines().filter(line -> line.startsWith("{")).map(ContainerEntryPointTest::json).toList();
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(logged).as(run.output()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.path("level").asText()).isIn("WARN", "ERROR", "INFO");
            assertThat(event.path("loggerName").asText()).isNotBlank();
            assertThat(event.has("message")).isTrue();
        });
    }

    @Test
    void refusesALogFormatItDoesNotKnow() throws Exception {
        Run run = run(Map.of("PRESENCE_LOG_FORMAT", "xml"), "ingest");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.output()).contains("PRESENCE_LOG_FORMAT must be text or json, was 'xml'");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not one JSON object: " + line, e);
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
        return run(Map.of(), args);
    }

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
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
