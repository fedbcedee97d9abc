package org.cardiacrnn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench}: benchmarks that print figures (speed targets live here, never in timed tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its figures.",
        subcommands = {BenchLoadCommand.class, BenchTrainCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
