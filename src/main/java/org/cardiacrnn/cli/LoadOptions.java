package org.cardiacrnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.DataFormatException;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.Orientation;
import org.cardiacrnn.data.SingleCellOptions;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Command-line options describing what to load; shared by every command that reads expression data. */
final class LoadOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MATRIX",
            description = "Expression matrix: CSV/TSV file (gzip allowed), 10x Matrix Market folder, or .h5ad file.")
    Path matrix;

    @Option(names = "--metadata", paramLabel = "FILE",
            description = "Sample-metadata table (CSV/TSV with a header), joined on sample id.")
    Path metadata;

    @Option(names = "--gene-names", paramLabel = "FILE", description = "Gene names, one per line (no header).")
    Path geneNames;

    @Option(names = "--sample-names", paramLabel = "FILE", description = "Sample ids, one per line (no header).")
    Path sampleNames;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "Headerless per-sample annotations, rows in the matrix's sample order.")
    Path annotations;

    @Option(names = "--annotation-names", paramLabel = "NAMES", split = ",",
            description = "Column names for --annotations, e.g. hours,pseudotime.")
    List<String> annotationNames;

    @Option(names = "--orientation", paramLabel = "WHICH", defaultValue = "auto",
            description = "samples-by-genes, genes-by-samples or auto (default: ${DEFAULT-VALUE}).")
    String orientation;

    @Option(names = "--metadata-columns", paramLabel = "N",
            description = "How many leading columns of a text matrix are sample annotations (default: detect).")
    Integer metadataColumns;

    @Option(names = "--sample-id-column", paramLabel = "NAME",
            description = "Column holding sample ids (in the matrix's leading columns and the metadata table).")
    String sampleIdColumn;

    @Option(names = "--pseudobulk", paramLabel = "COL[,COL…]", split = ",",
            description = "Single-cell data: sum the cells sharing these obs/metadata columns into one sample.")
    List<String> pseudobulk;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "1",
            description = "Pseudo-replicates per group: its cells split at random into R parts (default: "
                    + "${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--min-cells", paramLabel = "N", defaultValue = "" + SingleCellOptions.DEFAULT_MIN_CELLS,
            description = "Drop pseudobulk groups with fewer cells (default: ${DEFAULT-VALUE}).")
    int minCells;

    @Option(names = "--branch-column", paramLabel = "COL", description = "Cell-state column --branches refers to.")
    String branchColumn;

    @Option(names = "--branches", paramLabel = "NAME=STATE,…;…",
            description = "Lineages as lists of states; each cell counts toward every branch listing its state and "
                    + "samples get a 'branch' column, e.g. "
                    + "\"cardiomyocyte=IPSC,MES,CMES,CM;fibroblast=IPSC,MES,PROG,CF\".")
    String branches;

    @Option(names = "--counts-layer", paramLabel = "NAME",
            description = "Read layers/NAME of an .h5ad (or 'raw' for raw/X) instead of X.")
    String countsLayer;

    @Option(names = "--var-names", paramLabel = "COL",
            description = "Take gene names from this var column of an .h5ad (e.g. gene_ids, feature_name) instead of "
                    + "its index; repeated names get -1, -2, ….")
    String varNames;

    @Option(names = "--replicate-seed", paramLabel = "SEED", defaultValue = "" + SingleCellOptions.DEFAULT_SEED,
            description = "Seed of the pseudo-replicate split (default: ${DEFAULT-VALUE}).")
    long replicateSeed;

    /** Every file these options read, and {@code others}, which a command's output must never replace. */
    Path[] inputsWith(Path... others) {
        List<Path> inputs = new ArrayList<>(Arrays.asList(others));
        inputs.addAll(Arrays.asList(matrix, metadata, geneNames, sampleNames, annotations));
        return inputs.toArray(Path[]::new);
    }

    LoadRequest toRequest() {
        if (matrix == null) {
            throw new WorkbenchException("name the expression matrix to load (a CSV/TSV file, a 10x folder or an "
                    + ".h5ad file)");
        }
        if (metadataColumns != null && metadataColumns < 0) {
            throw new WorkbenchException("--metadata-columns must be 0 or more; got " + metadataColumns);
        }
        if (annotationNames != null && annotations == null) {
            throw new WorkbenchException("--annotation-names has nothing to name: give --annotations FILE");
        }
        return LoadRequest.builder(matrix).metadata(metadata).geneNames(geneNames).sampleNames(sampleNames)
                .annotations(annotations, annotationNames).orientation(parseOrientation())
                .metadataColumns(metadataColumns).sampleIdColumn(sampleIdColumn).singleCell(singleCell()).build();
    }

    private SingleCellOptions singleCell() {
        try {
            return new SingleCellOptions(pseudobulk, replicates, minCells, branchColumn,
                    SingleCellOptions.parseBranches(branches), countsLayer, varNames, replicateSeed);
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException(e.getMessage());
        }
    }

    private Orientation parseOrientation() {
        return switch (orientation.toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "samples-by-genes" -> Orientation.SAMPLES_BY_GENES;
            case "genes-by-samples" -> Orientation.GENES_BY_SAMPLES;
            default -> throw new WorkbenchException("--orientation must be samples-by-genes, genes-by-samples or "
                    + "auto, not \"" + orientation + "\"");
        };
    }

    /** The options that fix a failure, as the end of its error line; "" when no option would. */
    static String remedy(Throwable failure) {
        if (failure instanceof DataFormatException bad && bad.remedy() != null) {
            return switch (bad.remedy()) {
                case SAMPLE_ID_COLUMN -> "; choose the id column with --sample-id-column, or give a headerless "
                        + "per-sample file with --annotations";
            };
        }
        return "";
    }
}
