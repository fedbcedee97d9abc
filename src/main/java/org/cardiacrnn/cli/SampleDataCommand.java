package org.cardiacrnn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cardiacrnn.data.SampleDataGenerator;
import org.cardiacrnn.data.SingleCellGenerator;

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

    @Option(names = "--single-cell", description = "Write a synthetic single-cell time course instead: a 10x folder "
            + "(filtered_feature_bc_matrix/) and " + SingleCellGenerator.METADATA_FILE + ".")
    boolean singleCell;

    @Option(names = "--cells", defaultValue = "20000", paramLabel = "N",
            description = "With --single-cell: number of cells (default: ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--genes", defaultValue = "2000", paramLabel = "N",
            description = "With --single-cell: number of genes (default: ${DEFAULT-VALUE}).")
    int genes;

    @Option(names = "--nonzeros-per-cell", defaultValue = "1000", paramLabel = "N",
            description = "With --single-cell: average non-zero genes per cell (default: ${DEFAULT-VALUE}).")
    int nonZerosPerCell;

    @Option(names = "--force", description = "Replace the files written if the folder has them already.")
    boolean force;

    @Override
    public Integer call() {
        if (singleCell) {
            OutputGuard.requireWritable(out.resolve(SingleCellGenerator.METADATA_FILE), force);
            SingleCellGenerator.Written written = new SingleCellGenerator(cells, genes,
                    Math.min(nonZerosPerCell, genes / 2), seed).write(out);
            spec.commandLine().getOut().printf("wrote %s (%d cells × %d genes, %,d non-zeros) and %s%n",
                    written.folder(), cells, genes, written.nonZeros(), written.metadata());
            return 0;
        }
        OutputGuard.requireWritable(out.resolve(SampleDataGenerator.FILE_NAME), force);
        Path file = SampleDataGenerator.write(out, seed);
        spec.commandLine().getOut().println("wrote " + file);
        return 0;
    }
}
