package org.cardiacrnn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.startup.Startup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the jar: the headless command line over the engine. Every failure prints one line and exits
 * with {@link #EXIT_USER_ERROR}: a {@link WorkbenchException} says what to fix; anything else is a bug, whose
 * stack trace goes to the log file that the line names, never to the terminal.
 */
@Command(name = "cardiac-rnn",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Cardiac RNN Workbench: train and study recurrent classifiers of time-course gene expression.",
        subcommands = {
                CommandLine.HelpCommand.class,
                SampleDataCommand.class,
                TrainCommand.class,
                SweepCommand.class,
                EvaluateCommand.class,
                PredictCommand.class,
                InspectCommand.class,
                BenchCommand.class,
                AttributeCommand.class,
                EmbedCommand.class,
        })
public final class Main implements Callable<Integer> {

    public static final int EXIT_USER_ERROR = 2;
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--smoke-test", description = "Check this installation headless: load the "
            + "bundled sample data, train one epoch, export one figure, then exit.")
    boolean smokeTest;

    public static void main(String[] args) {
        // Without a command the window opens, and it need not wait for ND4J's native library.
        if (args.length == 0) {
            Startup.startWithoutEngine();
        } else {
            Startup.start();
        }
        // The window needs no command line: building picocli's model of every command took 0.15 s of start-up.
        System.exit(args.length == 0 ? openWorkbench(new PrintWriter(System.err, true)) : run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return execute(newCommandLine(), args);
    }

    /** Runs {@code args}; errors (OutOfMemoryError included) that escape picocli still end in one line. */
    static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (Throwable escaped) {
            return reportUnexpected(escaped, commandLine.getErr());
        }
    }

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(Main::reportFailure);
        commandLine.setParameterExceptionHandler(Main::reportBadArguments);
        return commandLine;
    }

    private static int reportFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        LOG.error("Command \"{}\" failed", commandLine.getCommandName(), failure);
        Throwable cause = failure;
        while (cause != null && !(cause instanceof WorkbenchException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return reportUnexpected(failure, commandLine.getErr());
        }
        PrintWriter err = commandLine.getErr();
        err.println("error: " + cause.getMessage() + LoadOptions.remedy(cause));
        err.flush();
        return EXIT_USER_ERROR;
    }

    /** A mistyped option gets its one line and the way to the options, not a screenful of usage. */
    private static int reportBadArguments(CommandLine.ParameterException bad, String[] args) {
        CommandLine at = bad.getCommandLine();
        PrintWriter err = at.getErr();
        err.println("error: " + bad.getMessage());
        err.println("try '" + at.getCommandSpec().qualifiedName() + " --help' for the options");
        err.flush();
        return EXIT_USER_ERROR;
    }

    private static int reportUnexpected(Throwable failure, PrintWriter err) {
        String where = FailureLog.record(failure);
        err.println("error: unexpected failure (" + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + firstLine(failure.getMessage())) + "); " + where);
        err.flush();
        return EXIT_USER_ERROR;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** With no command the workbench window opens; the CLI itself never links against JavaFX. */
    @Override
    public Integer call() {
        if (smokeTest) {
            return SelfCheck.run(spec.commandLine().getOut());
        }
        return openWorkbench(spec.commandLine().getErr());
    }

    private static int openWorkbench(PrintWriter err) {
        try {
            Class.forName("org.cardiacrnn.app.WorkbenchApp")
                    .getMethod("launchWorkbench", String[].class)
                    .invoke(null, (Object) new String[0]);
            return 0;
        } catch (ReflectiveOperationException | LinkageError noGui) {
            LOG.warn("The graphical workbench cannot start", noGui);
            Throwable reason = noGui.getCause() == null ? noGui : noGui.getCause();
            err.println("error: the graphical workbench cannot start here (" + firstLine(String.valueOf(reason))
                    + "); run 'cardiac-rnn --help' for the commands that need no display");
            err.flush();
            return EXIT_USER_ERROR;
        } catch (RuntimeException unexpected) {
            return reportUnexpected(unexpected, err);
        }
    }

    /** The product version, filtered into the jar from the pom. */
    public static String productVersion() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/org/cardiacrnn/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException unreadable) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Cardiac RNN Workbench " + productVersion(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
