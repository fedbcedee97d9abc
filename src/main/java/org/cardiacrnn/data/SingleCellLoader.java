package org.cardiacrnn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;

import org.cardiacrnn.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads single-cell data (10x folder, AnnData .h5ad, Cell Ranger .h5) in one streaming pass, either into
 * pseudobulk samples or, when no aggregation is asked for and the cells fit in memory, one sample per cell.
 * A cell-metadata table is joined on barcode before aggregation, so its columns can be grouped by.
 */
final class SingleCellLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SingleCellLoader.class);

    /** What was read, with the aggregation report when cells were aggregated. */
    record Read(MatrixRead matrix, JoinReport join, SingleCellReport aggregation) {
    }

    static {
        LzfChunkFilter.register();
    }

    private SingleCellLoader() {
    }

    /** True when the path is one of the single-cell formats this loader reads. */
    static boolean handles(Path path) {
        return Files.isDirectory(path) || path.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .matches(".*\\.(h5ad|h5|hdf5)") || Files.isRegularFile(path) && InputFiles.isHdf5(path);
    }

    static CellSource open(Path path, String countsLayer, String varNames) {
        if (Files.isDirectory(path)) {
            if (countsLayer != null) {
                throw new DataFormatException(path, "--counts-layer applies to .h5ad files; a 10x folder has one "
                        + "matrix");
            }
            requireNoVarNames(path, varNames, "a 10x folder takes gene names from features.tsv");
            return MatrixMarketReader.open(path);
        }
        InputFiles.requireReadableFile(path);
        HdfFile hdf;
        try {
            hdf = HdfFiles.open(path);
        } catch (IOException e) {
            throw new DataFormatException(path, "cannot be read: " + e.getMessage(), e);
        } catch (HdfException | IllegalArgumentException e) {
            throw new DataFormatException(path, "not a readable HDF5 file: " + e.getMessage(), e);
        }
        try {
            if (CellRangerH5Reader.looksLikeCellRanger(hdf)) {
                requireNoVarNames(path, varNames, "a Cell Ranger .h5 takes gene names from its features");
                return CellRangerH5Reader.open(path, hdf);
            }
            return H5adReader.open(path, hdf, countsLayer, varNames);
        } catch (RuntimeException e) {
            HdfFiles.close(hdf);
            throw e;
        }
    }

    private static void requireNoVarNames(Path path, String varNames, String why) {
        if (varNames != null) {
            throw new DataFormatException(path, "--var-names applies to .h5ad files; " + why);
        }
    }

    /**
     * Runs a read of {@code path}; a damaged HDF5 file makes jHDF (or our reading of what it returns) fail in many
     * ways, from negative sizes to indices past an array, and each becomes one message naming the file.
     */
    static <T> T guarded(Path path, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (WorkbenchException | CancellationException expected) {
            throw expected;
        } catch (RuntimeException damaged) {
            if (Files.isDirectory(path)) {
                throw damaged;
            }
            LOG.warn("Reading {} failed inside the HDF5 reader", path, damaged);
            throw new DataFormatException(path, "the HDF5 file is damaged or not laid out as AnnData or Cell Ranger "
                    + "write it (" + damaged.getClass().getSimpleName() + (damaged.getMessage() == null ? ""
                    : ": " + damaged.getMessage().lines().findFirst().orElse("")) + ")", damaged);
        }
    }

    static Read read(Path path, Path metadata, String idColumn, SingleCellOptions options, LoadProgress progress) {
        return guarded(path, () -> readUnguarded(path, metadata, idColumn, options, progress));
    }

    private static Read readUnguarded(Path path, Path metadata, String idColumn, SingleCellOptions options,
                                      LoadProgress progress) {
        try (CellSource source = open(path, options.countsLayer(), options.varNames())) {
            Map<String, List<String>> cellColumns = new LinkedHashMap<>(source.cellColumns());
            JoinReport join = null;
            List<String> warnings = new ArrayList<>(source.warnings());
            if (metadata != null && options.aggregates()) {
                MetadataTable.Joined joined = MetadataTable.join(metadata, source.cellIds(), idColumn);
                joined.columns().forEach(c -> cellColumns.put(c.name(), c.values()));
                join = joined.report();
                warnings.add("cell metadata: " + join.matchedSamples() + " cell(s) matched, "
                        + join.samplesWithoutMetadata().size() + " cell(s) without metadata, "
                        + join.metadataRowsWithoutSample().size() + " metadata row(s) matching no cell, "
                        + join.duplicateIds().size() + " duplicate barcode(s) (first row used)");
            }
            int cells = source.cellIds().size();
            int genes = source.geneNames().size();
            if (!options.aggregates()) {
                DenseCells dense = DenseCells.allocate(path, cells, genes);
                source.stream(dense, progress);
                List<SampleMetadata.Column> columns = new ArrayList<>();
                cellColumns.forEach((name, values) -> columns.add(SampleMetadata.Column.of(name, values)));
                return new Read(new MatrixRead(new ExpressionMatrix(dense.values(), source.cellIds(),
                        source.geneNames()), columns, Orientation.SAMPLES_BY_GENES, false, source.format(),
                        warnings), null, null);
            }
            PseudobulkAggregator aggregator = new PseudobulkAggregator(path, cells, genes, cellColumns, options);
            source.stream(aggregator, progress);
            SingleCellReport report = aggregator.report();
            warnings.addAll(report.warnings(options));
            return new Read(new MatrixRead(aggregator.matrix(source.geneNames()), aggregator.sampleColumns(),
                    Orientation.SAMPLES_BY_GENES, false, source.format() + ", pseudobulk", warnings), join, report);
        }
    }
}
