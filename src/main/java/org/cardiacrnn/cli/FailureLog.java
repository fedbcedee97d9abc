package org.cardiacrnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.cardiacrnn.runs.UserDataDirectory;
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
        Path file = file();
        try {
            // Appended directly as well, so the trace is on disk whichever SLF4J binding is on the class path.
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
