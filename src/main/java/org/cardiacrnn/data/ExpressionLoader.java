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
        Path original = request.matrix();
        if (TextSources.isStream(original)) {
            try (TextSources.Local spooled = TextSources.spool(original)) {
                return loadLocal(request, original, spooled);
            }
        }
        return loadLocal(request, original, new TextSources.Local(original, null));
    }

    private static boolean isHdf5File(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".h5ad") || InputFiles.isHdf5(path);
    }

    /** Loads from {@code local}, a regular file or folder standing for {@code original}, which the report names. */
    private static LoadResult loadLocal(LoadRequest request, Path original, TextSources.Local local) {
        if (local.path() != null && Files.isRegularFile(local.path()) && !isHdf5File(local.path())) {
            try (TextSources.Local text = TextSources.textMatrix(original, local)) {
                return load(withMatrix(request, text.path()), original);
            }
        }
        return load(withMatrix(request, local.path()), original);
    }

    private static LoadRequest withMatrix(LoadRequest request, Path matrix) {
        return new LoadRequest(matrix, request.metadata(), request.geneNames(), request.sampleNames(),
                request.annotations(), request.annotationNames(), request.orientation(), request.metadataColumns(),
                request.sampleIdColumn());
    }

    private static LoadResult load(LoadRequest request, Path original) {
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
        boolean delimited = !Files.isDirectory(path) && !path.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".h5ad") && !InputFiles.isHdf5(path);
        if (request.sampleIdColumn() != null && request.metadata() == null && !delimited) {
            throw new DataFormatException(path, "a sample id column (\"" + request.sampleIdColumn() + "\") is "
                    + "given, but this format names its samples itself and no metadata table is given to join");
        }
        if (Files.isDirectory(path)) {
            read = MatrixMarketReader.read(path);
        } else if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".h5ad")
                || InputFiles.isHdf5(path)) {
            read = H5adReader.read(path);
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
        JoinReport join = null;
        if (request.metadata() != null) {
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
        return new LoadResult(new ExpressionData(matrix, metadata, report), Optional.ofNullable(join));
    }

    private static void putColumn(Map<String, SampleMetadata.Column> columns, SampleMetadata.Column column,
                                  List<String> warnings) {
        if (columns.put(column.name(), column) != null) {
            warnings.add("metadata column \"" + column.name() + "\" appears twice; the later one is used");
        }
    }
}
