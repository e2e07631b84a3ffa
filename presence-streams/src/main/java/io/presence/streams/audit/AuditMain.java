package io.presence.streams.audit;

import com.typesafe.config.ConfigException;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/presence-audit}: rebuilds status from {@code presence.events} with the live app's own
 * fold (R-AUD-1) and checks it against what the app published (R-AUD-2); lists the dead letters and
 * redrives dead notifications (R-NOT-4). Answers go to stdout,
 * progress and errors to stderr; exit codes are in {@link ExitCodes}.
 */
@Command(name = "presence-audit", mixinStandardHelpOptions = true,
        description = "Replays presence.events with the live status fold: status as of an instant, one user's history, "
                + "and a check that replay equals what the live app published. Lists what a recipient was sent, lists "
                + "presence.dlq and puts dead notifications back for delivery.",
        subcommands = {StatusAtCommand.class, HistoryCommand.class, VerifyCommand.class, NotificationsCommand.class,
            DeadLettersCommand.class, RedriveCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done; for verify, replay and published changes are identical",
            "1:verify found differences",
            "2:bad command line",
            "3:Kafka unreachable, topic missing, schema registry unreachable, or a redriven record not written"})
public final class AuditMain {

    final PrintStream out;
    final PrintStream err;

    AuditMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs one command line; the exit code, never an exception. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new AuditMain(out, err));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> failed(e, err));
        return cli.execute(args);
    }

    private static int failed(Exception e, PrintStream err) {
        if (e instanceof AuditException audit) {
            err.println("presence-audit: " + audit.getMessage());
            return audit.exitCode();
        }
        if (e instanceof ConfigException config) {
            err.println("presence-audit: configuration: " + config.getMessage());
            return ExitCodes.USAGE;
        }
        // not an expected condition: keep the trace, it is a bug to report
        err.println("presence-audit: unexpected failure: " + e);
        e.printStackTrace(err);
        return CommandLine.ExitCode.SOFTWARE;
    }
}
