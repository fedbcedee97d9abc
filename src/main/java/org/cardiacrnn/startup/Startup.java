package org.cardiacrnn.startup;

import java.nio.file.Path;

import org.cardiacrnn.io.UserDataDirectory;
import org.cardiacrnn.nn.NativeThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both entry points (the CLI's {@code Main} and the GUI's {@code WorkbenchApp}) do once, before any work:
 * open the log file in the user data folder, log whatever escapes a thread, and set ND4J's native threads.
 * Tests call the engine directly and skip this, so they never write into the real user data folder.
 */
public final class Startup {

    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);
    private static final Object LOCK = new Object();
    private static Path logFile;
    private static boolean started;

    private Startup() {
    }

    /** Prepares the process once; later calls do nothing. */
    public static void start() {
        synchronized (LOCK) {
            if (started) {
                return;
            }
            started = true;
            Path logs = UserDataDirectory.resolve().resolve("logs");
            try {
                logFile = LogFile.attach(logs).file();
            } catch (IllegalStateException unwritable) {
                // The workbench still works without a log file; the warning reaches the console.
                LoggerFactory.getLogger("startup").warn("No log file: {}", unwritable.getMessage());
            }
            installUncaughtExceptionHandler();
            NativeThreads.configure();
            LOG.info("Started: Java {}, {}; {}", System.getProperty("java.version"),
                    System.getProperty("os.name"), NativeThreads.describe());
        }
    }

    /** The log file of this process, or null when none could be opened (or {@link #start} was not called). */
    public static Path logFile() {
        synchronized (LOCK) {
            return logFile;
        }
    }

    /**
     * A failure no code caught (a bug) goes into the log file with its stack trace instead of onto the console;
     * the CLI and the GUI tell the user in their own words.
     */
    static void installUncaughtExceptionHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) ->
                LOG.error("Uncaught exception in thread \"{}\"", thread.getName(), failure));
    }
}
