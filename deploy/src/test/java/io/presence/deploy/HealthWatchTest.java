package io.presence.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.testkit.FreePort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's watch starts a service that exited again, as a supervisor would — but not in a tight loop. */
class HealthWatchTest {

    @Test
    void aServiceThatExitedIsStartedAgainThenOnlyAfterAPause(@TempDir Path logs) throws Exception {
        ChildService flaky = ChildService.start("flaky", ExitsAtOnce.class.getName(), FreePort.find(), Map.of(), logs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HealthWatch watch = HealthWatch.every(Duration.ofMillis(100), List.of(flaky), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> starts(flaky) == 2);
            // checks every 100 ms: without the pause it would be started again and again meanwhile
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> starts(flaky) == 2);
        } finally {
            flaky.close();
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("flaky is not healthy: exited with code 2")
                .contains("flaky started again (log " + flaky.logFile() + "); should it exit again, it is started again 5 s after this at the earliest");
        // every report stamped the same way, seconds included even when they are zero (the log's lines follow unstamped)
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("flaky ")))
                .isNotEmpty().allMatch(line -> line.matches("\\d{2}:\\d{2}:\\d{2}  flaky .*"));
    }

    private static long starts(ChildService child) throws IOException {
        return Files.exists(child.logFile()) ? Files.readAllLines(child.logFile()).stream().filter("started"::equals).count() : 0;
    }
}
