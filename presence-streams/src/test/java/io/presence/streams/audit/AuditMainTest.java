package io.presence.streams.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line without a cluster: usage errors and an unreachable registry are one line and an exit code. */
class AuditMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        int code = run("status-at");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(text(err)).contains("--at");
    }

    @Test
    void anUnreachableRegistryIsOneClearLineAndExitCode3() {
        int code = run("verify", "--bootstrap", "localhost:1", "--registry", "http://localhost:1", "--no-progress");

        assertThat(code).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(text(err)).startsWith("presence-audit: schema registry http://localhost:1/ not reachable")
                .doesNotContain("\tat ");
    }

    @Test
    void aHistoryOfSomethingThatCannotBeAUserIdIsAUsageErrorBeforeAnyConnection() {
        int code = run("history", "--user", "bad user", "--bootstrap", "localhost:1", "--registry", "http://localhost:1");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(text(err)).startsWith("presence-audit: --user 'bad user' is not a user id");
    }

    @Test
    void aStatusAtOrNotificationsQueryNamingSomethingThatCannotBeAUserIdIsAUsageError() {
        int statusAt = run("status-at", "--at", "2026-11-27T00:00:00Z", "--user", "alice", "--user", "bob smith",
                "--bootstrap", "localhost:1", "--registry", "http://localhost:1");
        int notifications = run("notifications", "--recipient", "alice/2", "--bootstrap", "localhost:1", "--registry", "http://localhost:1");

        assertThat(statusAt).isEqualTo(ExitCodes.USAGE);
        assertThat(notifications).isEqualTo(ExitCodes.USAGE);
        assertThat(text(err)).contains("presence-audit: --user 'bob smith' is not a user id",
                "presence-audit: --recipient 'alice/2' is not a user id");
    }

    @Test
    void helpListsTheExitCodes() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(text(out)).contains("status-at", "history", "verify", "notifications", "dead-letters", "redrive", "Exit codes");
    }

    private int run(String... args) {
        return AuditMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
