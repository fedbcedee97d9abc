package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MainTest {

    @Test
    void versionNamesTheProductAndTheFilteredVersion() {
        CommandLine cli = Main.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("--version");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Cardiac RNN Workbench").doesNotContain("${project.version}")
                .doesNotContain("unknown");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CommandLine cli = Main.newCommandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("no-such-command")).isNotZero();
        assertThat(err.toString()).contains("no-such-command");
    }
}
