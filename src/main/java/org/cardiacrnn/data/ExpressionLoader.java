package org.cardiacrnn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point for reading expression data: picks the format (10x folder, AnnData .h5ad, or
 * delimited text), applies name files, per-sample annotations and a metadata table, and reports what it did.
 * Every failure is a {@link DataFormatException} naming the file (and line/column where it applies).
 */
public final class ExpressionLoader {

    private ExpressionLoader() {
    }

    /** Loads the matrix and its sample metadata. */
    public static ExpressionData load(LoadRequest request) {
        return loadWithReport(request).data();
    }

    /** Loads the matrix and also returns the metadata join report, when a metadata table was given. */
    public static LoadResult loadWithReport(LoadRequest request) {
        return loadWithReport(request, LoadProgress.NONE);
    }

    /**
     * As {@link #loadWithReport(LoadRequest)}, reporting the progress of single-cell reads; an interrupt of the
     * calling thread stops such a read with a {@link java.util.concurrent.CancellationException}.
     */
    public static LoadResult loadWithReport(LoadRequest request, LoadProgress progress) {
        try {
            Path original = request.matrix();
            if (TextSources.isStream(original)) {
                try (TextSources.Local spooled = TextSources.spool(original)) {
                    return loadLocal(request, original, spooled, progress);
                }
            }
            return loadLocal(request, original, new TextSources.Local(original, null), progress);
        } catch (OutOfMemoryError e) {
            throw new DataFormatException(request.matrix(), String.format(Locale.ROOT, "ran out of memory while "
                    + "reading (this program may use %.1f GB); for single-cell data aggregate the cells with "
                    + "--pseudobulk COLUMN,…, otherwise start the program with a larger -Xmx",
                    Runtime.getRuntime().maxMemory() / 1e9));
        }
    }

    private static boolean isHdf5File(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".h5ad") || InputFiles.isHdf5(path);
    }

    /** Loads from {@code local}, a regular file or folder standing for {@code original}, which the report names. */
    private static LoadResult loadLocal(LoadRequest request, Path original, TextSources.Local local,
                                        LoadProgress progress) {
        if (local.path() != null && Files.isRegularFile(local.path()) && !isHdf5File(local.path())) {
            try (TextSources.Local text = TextSources.textMatrix(original, local)) {
                return read(withMatrix(request, text.path()), original, progress);
            }
        }
        return read(withMatrix(request, local.path()), original, progress);
    }

    private static LoadRequest withMatrix(LoadRequest request, Path matrix) {
        return new LoadRequest(matrix, request.metadata(), request.geneNames(), request.sampleNames(),
                request.annotations(), request.annotationNames(), request.orientation(), request.metadataColumns(),
                request.sampleIdColumn(), request.singleCell());
    }

    private static LoadResult read(LoadRequest request, Path original, LoadProgress progress) {
        Path path = request.matrix();
        if (!Files.exists(path)) {
            throw new DataFormatException(path, "file not found (" + path.toAbsolutePath() + ")");
        }
        List<String> geneFile = request.geneNames() == null ? null : Names.readFile(request.geneNames(), "gene name");
        List<String> sampleFile = request.sampleNames() == null ? null
                : Names.readFile(request.sampleNames(), "sample id");
        int annotationRows = request.annotations() == null ? -1
                : InputFiles.readNonBlankLines(request.annotations()).size();
        MatrixRead read;
        if (request.sampleIdColumn() != null && request.metadata() == null && SingleCellLoader.handles(path)) {
            throw new DataFormatException(path, "a sample id column (\"" + request.sampleIdColumn() + "\") is "
                    + "given, but this format names its samples itself and no metadata table is given to join");
        }
        SingleCellOptions singleCell = request.singleCellOptions();
        SingleCellLoader.Read cells = null;
        if (SingleCellLoader.handles(path)) {
            cells = SingleCellLoader.read(path, request.metadata(), request.sampleIdColumn(), singleCell, progress);
            read = cells.matrix();
        } else if (!singleCell.changesNothing()) {
            throw new DataFormatException(path, "--pseudobulk and the other single-cell options apply to .h5ad, "
                    + "Cell Ranger .h5 and 10x folders, not to a text matrix");
        } else {
            read = DelimitedMatrixReader.read(request, geneFile, sampleFile, annotationRows);
        }
        ExpressionMatrix matrix = read.matrix();
        List<String> warnings = new ArrayList<>(read.warnings());
        Map<String, SampleMetadata.Column> columns = new LinkedHashMap<>();
        read.columns().forEach(c -> columns.put(c.name(), c));
        if (request.annotations() != null) {
            for (SampleMetadata.Column c : MetadataTable.annotations(request.annotations(), request.annotationNames(),
                    matrix.sampleCount())) {
                putColumn(columns, c, warnings);
            }
        }
        JoinReport join = cells == null ? null : cells.join();
        if (request.metadata() != null && join == null) {
            MetadataTable.Joined joined = MetadataTable.join(request.metadata(), matrix.sampleIds(),
                    request.sampleIdColumn());
            joined.columns().forEach(c -> putColumn(columns, c, warnings));
            join = joined.report();
            if (!join.isComplete()) {
                warnings.add("metadata join: " + join.matchedSamples() + " sample(s) matched, "
                        + join.samplesWithoutMetadata().size() + " without metadata, "
                        + join.metadataRowsWithoutSample().size() + " metadata row(s) without a sample, "
                        + join.duplicateIds().size() + " duplicate id(s) (first row used)");
            }
        }
        SampleMetadata metadata = new SampleMetadata(matrix.sampleIds(), List.copyOf(columns.values()));
        ExpressionData.LoadReport report = new ExpressionData.LoadReport(original.toString(), read.format(),
                read.orientation(), read.orientationDetected(), warnings);
        return new LoadResult(new ExpressionData(matrix, metadata, report), Optional.ofNullable(join),
                Optional.ofNullable(cells == null ? null : cells.aggregation()));
    }

    private static void putColumn(Map<String, SampleMetadata.Column> columns, SampleMetadata.Column column,
                                  List<String> warnings) {
        if (columns.put(column.name(), column) != null) {
            warnings.add("metadata column \"" + column.name() + "\" appears twice; the later one is used");
        }
    }
}
