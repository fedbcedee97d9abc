package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Started without a command where there is no display, the jar says so in one line and exits non-zero. */
class NoDisplayTest {

    @Test
    void theGuiWithoutADisplayExitsWithTwo() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()))
                .redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        boolean ended = process.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(output).contains("error: the graphical workbench cannot start here").contains("--help")
                .doesNotContain("Usage:");
    }
}
