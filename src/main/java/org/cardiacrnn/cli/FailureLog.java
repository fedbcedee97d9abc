package org.cardiacrnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.cardiacrnn.io.UserDataDirectory;
import org.cardiacrnn.startup.Startup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the stack trace of an unexpected failure goes, so the terminal gets one line and a person can still send
 * the details: {@code <user data directory>/logs/cardiac-rnn.log}, the log file of the whole workbench.
 */
final class FailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private FailureLog() {
    }

    /** Logs {@code failure} with its stack trace and returns the words that point the user to it. */
    static String record(Throwable failure) {
        LOG.error("unexpected failure", failure);
        Path attached = Startup.logFile();
        if (attached != null) {
            return "details in " + attached;
        }
        Path file = file();
        try {
            // No log file is attached (the command runs inside another program, such as the tests): write the
            // trace where the user would look for it all the same.
            Files.createDirectories(file.getParent());
            StringWriter trace = new StringWriter();
            trace.write(Instant.now() + " ERROR unexpected failure\n");
            failure.printStackTrace(new PrintWriter(trace));
            Files.writeString(file, trace.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return "details in " + file;
        } catch (IOException | RuntimeException unwritable) {
            return "the details could not be written to " + file + " (" + unwritable.getMessage() + ")";
        }
    }

    static Path file() {
        return UserDataDirectory.resolve().resolve("logs").resolve("cardiac-rnn.log");
    }
}
