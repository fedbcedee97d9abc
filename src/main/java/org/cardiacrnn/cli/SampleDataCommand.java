package org.cardiacrnn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cardiacrnn.sequences.SampleDataGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Regenerates the bundled synthetic dataset (the committed sample-data/ comes from this command). */
@Command(name = "sample-data", mixinStandardHelpOptions = true,
        description = "Write the synthetic cardiac differentiation dataset (800 samples × 2,000 genes).")
final class SampleDataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write "
            + SampleDataGenerator.FILE_NAME + " into.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Replace " + SampleDataGenerator.FILE_NAME + " if the folder has one.")
    boolean force;

    @Override
    public Integer call() {
        OutputGuard.requireWritable(out.resolve(SampleDataGenerator.FILE_NAME), force);
        Path file = SampleDataGenerator.write(out, seed);
        spec.commandLine().getOut().println("wrote " + file);
        return 0;
    }
}
