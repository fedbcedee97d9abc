package org.cardiacrnn.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Tag("slow")
class LogFileTest {

    @TempDir
    Path home;

    @Test
    void anUncaughtFailureLandsInTheLogFileWithItsStackTrace() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Path file;
        try (LogFile log = LogFile.attach(home.resolve("logs"))) {
            file = log.file();
            Startup.installUncaughtExceptionHandler();
            Thread failing = new Thread(() -> {
                throw new IllegalStateException("forced failure for the log test");
            }, "log-test-worker");
            failing.start();
            failing.join(TimeUnit.SECONDS.toMillis(10));
            LoggerFactory.getLogger("org.cardiacrnn.sequences.Example").info("an engine message");
            LoggerFactory.getLogger("org.nd4j.Example").info("library chatter below WARN");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }

        assertThat(file).isEqualTo(home.resolve("logs").resolve("cardiac-rnn.log").toAbsolutePath());
        String text = Files.readString(file);
        assertThat(text).contains("Uncaught exception in thread \"log-test-worker\"")
                .contains("java.lang.IllegalStateException: forced failure for the log test")
                .contains("at org.cardiacrnn.startup.LogFileTest")
                .contains("an engine message")
                .doesNotContain("library chatter");
    }

    /** tools/startup-times.sh reads these lines: a changed wording would leave it measuring nothing. */
    @Test
    void aStartUpMilestoneIsLoggedWithTheTimeAndCpuTimeSinceTheProcessStarted() throws IOException {
        Path file;
        try (LogFile log = LogFile.attach(home)) {
            file = log.file();
            Startup.logMilestone("first window shown");
        }

        assertThat(Files.readString(file))
                .containsPattern("Start-up: first window shown after [1-9][0-9]* ms \\(CPU [1-9][0-9]* ms\\)");
    }

    @Test
    void aClosedLogFileReceivesNothingMore() throws IOException {
        Path file;
        try (LogFile log = LogFile.attach(home)) {
            file = log.file();
            LoggerFactory.getLogger("org.cardiacrnn.Example").warn("while open");
        }
        LoggerFactory.getLogger("org.cardiacrnn.Example").warn("after closing");

        assertThat(Files.readString(file)).contains("while open").doesNotContain("after closing");
    }

    @Test
    void theCommandLineWritesItsLogIntoTheUserDataFolderWithTheFailuresStackTrace() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.cardiacrnn.cli.Main",
                "inspect", home.resolve("no-such-matrix.csv").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CARDIAC_RNN_HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("error: ").doesNotContain("\tat ");
        Path log = home.resolve("logs").resolve("cardiac-rnn.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("Command \"inspect\" failed")
                .contains("no-such-matrix.csv")
                .contains("\tat org.cardiacrnn.");
    }
}
