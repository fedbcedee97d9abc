package org.cardiacrnn.app.common;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of the thread that runs the workbench's background work, so that the window
 * gets the CPU first when both want it. Training keeps both cores of a small machine busy (the engine thread and
 * the fast layer's second thread); at equal priority the UI thread and the renderer then waited for CPU, and a
 * chart redraw of about 10 ms of CPU stretched into a frozen window of 100-300 ms. On an otherwise idle machine
 * a lowered priority costs the training nothing: it only decides who runs first.
 *
 * <p>Linux only, where a thread's nice value is its own ({@code setpriority(PRIO_PROCESS, 0, …)} changes the
 * calling thread) and threads it starts inherit it, so the fast layer's second thread follows the engine thread.
 * Elsewhere that call would lower the whole process, the window included, so nothing is changed there.
 */
public final class BackgroundPriority {

    /**
     * The nice value for background work. 10 gives a waiting UI thread about nine times the share of each
     * training thread; 19 would also make training crawl whenever any other program on the machine is busy.
     */
    public static final int NICE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;
    /** HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1"…; Linux keeps the first 15 characters. */
    static final String C1_COMPILER = "C1 CompilerThre";
    static final String C2_COMPILER = "C2 CompilerThre";

    private BackgroundPriority() {
    }

    /**
     * Gives the calling thread (and the threads it will start) the background priority. A workbench started
     * with a lower priority still (e.g. under {@code nice -n 19}) keeps it: this never raises a priority.
     *
     * @return whether the thread now runs at the background priority or lower; false off Linux or where the
     *         system refused
     */
    public static boolean lowerCurrentThread() {
        OptionalInt now = currentThreadNice();
        if (now.isEmpty()) {
            return false;
        }
        if (now.getAsInt() >= NICE) {
            return true;
        }
        try {
            int result = com.sun.jna.NativeLibrary.getProcess().getFunction("setpriority")
                    .invokeInt(new Object[] {PRIO_PROCESS, 0, NICE});
            if (result != 0) {
                LOG.info("Background work keeps the normal priority: setpriority failed (errno {})",
                        com.sun.jna.Native.getLastError());
                return false;
            }
            return true;
        } catch (LinkageError | RuntimeException unavailable) {
            // Without the native bridge training still works; only the window may stutter under load.
            LOG.info("Background work keeps the normal priority: {}", unavailable.toString());
            return false;
        }
    }

    /**
     * Gives the JVM's JIT compiler threads the background priority too. While training runs, the compiler keeps
     * compiling the charts', the layout's and the engine's code; at the window's priority it took the CPU from
     * the UI and renderer threads exactly when they had a frame to finish (a compilation of 25-70 ms overlapped
     * most stalls). With the compilers lowered as well, the longest stall of the quick preset fell from 46-64 ms
     * to 40-57 ms. Compiler threads the JVM adds later (on larger machines) keep the normal priority.
     *
     * @return how many compiler threads were lowered; 0 off Linux or where the system refused
     */
    public static int lowerCompilerThreads() {
        return lower(compilerThreads(C1_COMPILER, C2_COMPILER));
    }

    /**
     * Gives the optimising (C2) JIT compiler the background priority, leaving the quick (C1) one alone. The
     * workbench calls this as it starts: on two cores C2 spent about as much CPU as the UI thread while the
     * window was being built and the sample data read, for code that pays off only later (with C1 alone the
     * window came 0.4 s sooner), while C1's quick compiles are what gets the start-up code out of the interpreter.
     *
     * @return how many compiler threads were lowered; 0 off Linux or where the system refused
     */
    public static int lowerOptimisingCompiler() {
        return lower(compilerThreads(C2_COMPILER));
    }

    private static int lower(List<Path> tasks) {
        int lowered = 0;
        for (Path task : tasks) {
            if (niceOf(task.resolve("stat")).orElse(NICE) < NICE
                    && setNice(Integer.parseInt(task.getFileName().toString()))) {
                lowered++;
            }
        }
        return lowered;
    }

    /** The nice values of the JVM's JIT compiler threads, as Linux reports them; empty off Linux. */
    static List<Integer> compilerThreadNices() {
        return compilerThreadNices(C1_COMPILER, C2_COMPILER);
    }

    /** The nice values of the compiler threads whose names start with one of the prefixes. */
    static List<Integer> compilerThreadNices(String... namePrefixes) {
        List<Integer> nices = new ArrayList<>();
        for (Path task : compilerThreads(namePrefixes)) {
            niceOf(task.resolve("stat")).ifPresent(nices::add);
        }
        return nices;
    }

    /**
     * The {@code /proc} folders of this process's JIT compiler threads whose names start with one of the
     * prefixes; empty off Linux or when unreadable.
     */
    private static List<Path> compilerThreads(String... namePrefixes) {
        List<Path> compilers = new ArrayList<>();
        if (!isLinux()) {
            return compilers;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (nameStartsWithOneOf(task, namePrefixes)) {
                    compilers.add(task);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            LOG.info("JIT compiler threads keep the normal priority: {}", unreadable.toString());
        }
        return compilers;
    }

    private static boolean nameStartsWithOneOf(Path task, String... prefixes) {
        try {
            String name = Files.readString(task.resolve("comm")).trim();
            return java.util.Arrays.stream(prefixes).anyMatch(name::startsWith);
        } catch (IOException ended) {
            return false;
        }
    }

    private static boolean setNice(int threadId) {
        try {
            return com.sun.jna.NativeLibrary.getProcess().getFunction("setpriority")
                    .invokeInt(new Object[] {PRIO_PROCESS, threadId, NICE}) == 0;
        } catch (LinkageError | RuntimeException unavailable) {
            return false;
        }
    }

    /** The calling thread's nice value as Linux reports it, or empty off Linux. */
    public static OptionalInt currentThreadNice() {
        return isLinux() ? niceOf(Path.of("/proc/thread-self/stat")) : OptionalInt.empty();
    }

    private static OptionalInt niceOf(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // The command name (field 2) is in parentheses and may hold spaces; fields after it are plain.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // Field 19 of stat is the nice value; fields[0] here is field 3.
            return OptionalInt.of(Integer.parseInt(fields[19 - 3]));
        } catch (IOException | RuntimeException unreadable) {
            return OptionalInt.empty();
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }
}
