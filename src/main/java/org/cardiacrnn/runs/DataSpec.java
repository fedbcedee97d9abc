package org.cardiacrnn.runs;

import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.Orientation;

/** Where a run's data came from, in a form config.json can hold and a later run can load again. */
public record DataSpec(String matrix, String metadata, String geneNames, String sampleNames, String annotations,
                       List<String> annotationNames, Orientation orientation, Integer metadataColumns,
                       String sampleIdColumn) {

    public static DataSpec of(LoadRequest request) {
        return new DataSpec(text(request.matrix()), text(request.metadata()), text(request.geneNames()),
                text(request.sampleNames()), text(request.annotations()), request.annotationNames(),
                request.orientation(), request.metadataColumns(), request.sampleIdColumn());
    }

    public LoadRequest toRequest() {
        LoadRequest.Builder builder = LoadRequest.builder(Path.of(matrix)).orientation(orientation)
                .metadataColumns(metadataColumns).sampleIdColumn(sampleIdColumn);
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
