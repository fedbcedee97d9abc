package org.cardiacrnn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.startup.Startup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the jar: the headless command line over the engine. Failures a user can fix
 * (a {@link WorkbenchException}) print one line and exit with {@link #EXIT_USER_ERROR}; anything else
 * is a bug and keeps its stack trace.
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
public final class Main implements Runnable {

    public static final int EXIT_USER_ERROR = 2;
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--smoke-test", description = "Check this installation headless: load the "
            + "bundled sample data, train one epoch, export one figure, then exit.")
    boolean smokeTest;

    public static void main(String[] args) {
        Startup.start();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine commandLine = newCommandLine();
        return commandLine.execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(Main::reportFailure);
        return commandLine;
    }

    private static int reportFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        LOG.error("Command \"{}\" failed", commandLine.getCommandName(), failure);
        Throwable cause = failure;
        while (cause != null && !(cause instanceof WorkbenchException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw failure;
        }
        PrintWriter err = commandLine.getErr();
        err.println("error: " + cause.getMessage());
        err.flush();
        return EXIT_USER_ERROR;
    }

    /** With no command the workbench window opens; the CLI itself never links against JavaFX. */
    @Override
    public void run() {
        if (smokeTest) {
            int code = SelfCheck.run(spec.commandLine().getOut());
            spec.commandLine().setExecutionResult(code);
            return;
        }
        try {
            Class.forName("org.cardiacrnn.app.WorkbenchApp")
                    .getMethod("launchWorkbench", String[].class)
                    .invoke(null, (Object) new String[0]);
        } catch (ReflectiveOperationException | LinkageError noGui) {
            LOG.warn("The graphical workbench cannot start", noGui);
            Throwable reason = noGui.getCause() == null ? noGui : noGui.getCause();
            spec.commandLine().getErr().println("The graphical workbench cannot start here (" + reason
                    + "); use one of the commands below.");
            spec.commandLine().usage(spec.commandLine().getOut());
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
