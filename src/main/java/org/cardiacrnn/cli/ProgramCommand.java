package org.cardiacrnn.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** How another process, such as a sweep worker on a cluster node, starts this same program. */
final class ProgramCommand {

    private ProgramCommand() {
    }

    /**
     * The installed launcher when running from the native package (jpackage names it in
     * {@code jpackage.app-path}); otherwise this Java runtime with this class path, which is how the jar and
     * the tests run.
     */
    static List<String> self() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null && !launcher.isBlank()) {
            return List.of(launcher);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Absolute entries, since a worker may start in another directory than this process.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return List.of(java, "-cp", classPath, Main.class.getName());
    }
}
