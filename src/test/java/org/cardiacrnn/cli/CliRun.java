package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** One command-line invocation as the tests see it: exit code and what went to stdout and stderr. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        CommandLine cli = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = Main.execute(cli, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
