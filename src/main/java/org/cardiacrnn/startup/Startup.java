package org.cardiacrnn.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
    /** /proc counts in USER_HZ, which Linux fixes at 100 for user space on every common architecture. */
    private static final int LINUX_TICKS_PER_SECOND = 100;
    private static Path logFile;
    private static boolean started;
    private static boolean engineLoading;

    private Startup() {
    }

    /** Prepares the process once, ND4J's native threads included; later calls do nothing. */
    public static void start() {
        if (prepare()) {
            synchronized (LOCK) {
                engineLoading = true;
            }
            NativeThreads.configure();
            logStarted();
        }
    }

    /**
     * Prepares the process once, as {@link #start}, but leaves ND4J (a native library of 300 MB, over a second
     * of CPU) to {@link #loadEngineInBackground}, so the window need not wait for it.
     */
    public static void startWithoutEngine() {
        prepare();
    }

    /**
     * Loads ND4J and sets its native threads on a background thread, once. Called once the sample data are shown:
     * started alongside JavaFX's own start-up (native libraries of its own), one of three starts hung before its
     * window, and alongside the sample data it slowed their reading.
     * Engine threads take the native thread counts with {@link NativeThreads#applyToThisThread} before each job;
     * a job that needs ND4J sooner waits for it in ND4J's class initialisation.
     *
     * @param prepareLoader runs first on the loading thread; the workbench lowers that thread's priority there,
     *                      since the load (over a second of CPU) starts while the window lays out and paints the
     *                      data it has just been given
     */
    public static void loadEngineInBackground(Runnable prepareLoader) {
        synchronized (LOCK) {
            if (engineLoading) {
                return;
            }
            engineLoading = true;
        }
        Thread loader = new Thread(() -> {
            prepareLoader.run();
            NativeThreads.configure();
            logStarted();
            logMilestone("engine loaded");
        }, "engine-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Logs how long after the process started something happened, as {@code tools/startup-times.sh} reads it:
     * "Start-up: first window shown after 1234 ms (CPU 2345 ms)". The CPU time of all threads says more than the
     * wall time on a busy machine.
     */
    public static void logMilestone(String what) {
        ProcessHandle.Info process = ProcessHandle.current().info();
        long cpu = process.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        LOG.info("Start-up: {} after {} ms (CPU {} ms)", what, millisSinceProcessStart(), cpu);
    }

    /**
     * Wall time since this process started, to 10 ms, or -1 where unknown. Not {@code ProcessHandle}'s start
     * instant: on Linux the JDK adds the process's start (in ticks since boot) to the boot time of
     * {@code /proc/stat}, which counts whole seconds, so every duration came out too long by the boot time's
     * dropped fraction, 0.51 s on the machine where start-up was measured. Both figures here count from the boot,
     * so nothing is dropped.
     */
    static long millisSinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name (in parentheses, which may hold spaces); field 22 is the start time.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            double startedSeconds = Long.parseLong(fields[22 - 3]) / (double) LINUX_TICKS_PER_SECOND;
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round((uptimeSeconds - startedSeconds) * 1000);
        } catch (IOException | RuntimeException notLinux) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
        }
    }

    private static void logStarted() {
        LOG.info("Started: Java {}, {}; {}", System.getProperty("java.version"),
                System.getProperty("os.name"), NativeThreads.describe());
    }

    /** Opens the log and installs the handler once; true for the call that did it. */
    private static boolean prepare() {
        synchronized (LOCK) {
            if (started) {
                return false;
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
            return true;
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
