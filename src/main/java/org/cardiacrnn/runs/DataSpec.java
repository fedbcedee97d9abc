package org.cardiacrnn.runs;

import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.Orientation;
import org.cardiacrnn.data.SingleCellOptions;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Where a run's data came from, in a form config.json can hold and a later run can load again. For single-cell
 * data {@code singleCell} records how cells were aggregated (absent in older run folders and for bulk data).
 */
public record DataSpec(String matrix, String metadata, String geneNames, String sampleNames, String annotations,
                       List<String> annotationNames, Orientation orientation, Integer metadataColumns,
                       String sampleIdColumn, SingleCellOptions singleCell) {

    @JsonCreator
    public DataSpec {
    }

    /** A bulk-data spec, as run folders recorded it before single-cell options existed. */
    public DataSpec(String matrix, String metadata, String geneNames, String sampleNames, String annotations,
                    List<String> annotationNames, Orientation orientation, Integer metadataColumns,
                    String sampleIdColumn) {
        this(matrix, metadata, geneNames, sampleNames, annotations, annotationNames, orientation, metadataColumns,
                sampleIdColumn, null);
    }

    public static DataSpec of(LoadRequest request) {
        return new DataSpec(text(request.matrix()), text(request.metadata()), text(request.geneNames()),
                text(request.sampleNames()), text(request.annotations()), request.annotationNames(),
                request.orientation(), request.metadataColumns(), request.sampleIdColumn(), request.singleCell());
    }

    public LoadRequest toRequest() {
        LoadRequest.Builder builder = LoadRequest.builder(Path.of(matrix)).orientation(orientation)
                .metadataColumns(metadataColumns).sampleIdColumn(sampleIdColumn).singleCell(singleCell);
        if (metadata != null) {
            builder.metadata(Path.of(metadata));
        }
        if (geneNames != null) {
            builder.geneNames(Path.of(geneNames));
        }
        if (sampleNames != null) {
            builder.sampleNames(Path.of(sampleNames));
        }
        if (annotations != null) {
            builder.annotations(Path.of(annotations), annotationNames);
        }
        return builder.build();
    }

    private static String text(Path path) {
        return path == null ? null : path.toAbsolutePath().normalize().toString();
    }
}
