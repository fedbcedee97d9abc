package org.cardiacrnn.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What to load and how. Only {@code matrix} is required; every other field is optional (null) and, where
 * it is a choice, null means "detect".
 *
 * @param matrix          a CSV/TSV file (gzip allowed), a 10x Matrix Market folder, or an AnnData .h5ad file
 * @param metadata        a separate sample-metadata table (CSV/TSV with a header) joined on sample id
 * @param geneNames       headerless file, one gene name per line, for a matrix without gene names
 * @param sampleNames     headerless file, one sample id per line, for a matrix without sample ids
 * @param annotations     headerless table whose rows follow the matrix's sample order (e.g. hours, pseudotime)
 * @param annotationNames column names for {@code annotations}; null names them annotation1, annotation2…
 * @param orientation     forces samples × genes or genes × samples; null detects it
 * @param metadataColumns forces how many leading columns of a text matrix are sample annotations; null detects it
 * @param sampleIdColumn  the column holding sample ids (among the leading columns and in the metadata table)
 * @param singleCell      how single-cell data is aggregated into samples while it is read; null reads as is
 */
public record LoadRequest(Path matrix, Path metadata, Path geneNames, Path sampleNames, Path annotations,
                          List<String> annotationNames, Orientation orientation, Integer metadataColumns,
                          String sampleIdColumn, SingleCellOptions singleCell) {

    public LoadRequest {
        if (matrix == null) {
            throw new IllegalArgumentException("a matrix path is required");
        }
        annotationNames = annotationNames == null ? null : List.copyOf(annotationNames);
        if (metadataColumns != null && metadataColumns < 0) {
            throw new IllegalArgumentException("metadataColumns must be 0 or more, was " + metadataColumns);
        }
        singleCell = singleCell == null || singleCell.changesNothing() ? null : singleCell;
    }

    /** The single-cell options, never null. */
    public SingleCellOptions singleCellOptions() {
        return singleCell == null ? SingleCellOptions.none() : singleCell;
    }

    /** A request that loads the matrix and detects everything else. */
    public static LoadRequest of(Path matrix) {
        return builder(matrix).build();
    }

    public static Builder builder(Path matrix) {
        return new Builder(matrix);
    }

    /** Builder for the optional fields. */
    public static final class Builder {
        private final Path matrix;
        private Path metadata;
        private Path geneNames;
        private Path sampleNames;
        private Path annotations;
        private List<String> annotationNames;
        private Orientation orientation;
        private Integer metadataColumns;
        private String sampleIdColumn;
        private SingleCellOptions singleCell;

        private Builder(Path matrix) {
            this.matrix = matrix;
        }

        public Builder metadata(Path table) {
            this.metadata = table;
            return this;
        }

        public Builder geneNames(Path file) {
            this.geneNames = file;
            return this;
        }

        public Builder sampleNames(Path file) {
            this.sampleNames = file;
            return this;
        }

        public Builder annotations(Path file, List<String> columnNames) {
            this.annotations = file;
            this.annotationNames = columnNames;
            return this;
        }

        public Builder orientation(Orientation forced) {
            this.orientation = forced;
            return this;
        }

        public Builder metadataColumns(Integer leadingColumns) {
            this.metadataColumns = leadingColumns;
            return this;
        }

        public Builder sampleIdColumn(String column) {
            this.sampleIdColumn = column;
            return this;
        }

        public Builder singleCell(SingleCellOptions options) {
            this.singleCell = options;
            return this;
        }

        public LoadRequest build() {
            return new LoadRequest(matrix, metadata, geneNames, sampleNames, annotations, annotationNames,
                    orientation, metadataColumns, sampleIdColumn, singleCell);
        }
    }
}
