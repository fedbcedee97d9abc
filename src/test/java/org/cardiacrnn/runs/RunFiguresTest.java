package org.cardiacrnn.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.evaluation.Evaluator;
import org.cardiacrnn.figures.ExportFormat;
import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.figures.FigureExporter;
import org.cardiacrnn.figures.FigureSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFiguresTest {

    @TempDir
    Path folder;

    private static EvaluationReport report() {
        int[] labels = {0, 0, 1, 1, 2, 2};
        float[][] probabilities = {
                {0.8f, 0.1f, 0.1f}, {0.4f, 0.5f, 0.1f}, {0.1f, 0.8f, 0.1f},
                {0.2f, 0.7f, 0.1f}, {0.1f, 0.2f, 0.7f}, {0.3f, 0.3f, 0.4f}};
        return Evaluator.fromPredictions(labels, probabilities, List.of("atrial", "ventricular", "fibroblast"));
    }

    @Test
    void everyFigureOfARunIsDrawnAndItsDataMatchesTheReport() {
        List<EpochMetrics> epochs = List.of(new EpochMetrics(1, 1.0, 0.5, 1.1, 0.4, 1e-3, 2.0),
                new EpochMetrics(2, 0.7, 0.7, 0.9, 0.6, 1e-3, 2.0));
        Map<String, Figure> figures = RunFigures.all(report(), epochs);

        assertThat(figures).containsKeys("loss", "accuracy", "learning-rate", "confusion-matrix", "roc",
                "precision-recall", "reliability", "confidence-histogram");
        // No early-prediction results were computed for these predictions, so that figure is left out.
        assertThat(figures).doesNotContainKey("early-prediction");
        long total = figures.get("confusion-matrix").data().rows().stream()
                .mapToLong(row -> Long.parseLong(row.get(2))).sum();
        assertThat(total).isEqualTo(6);
        assertThat(figures.get("roc").data().rows()).isNotEmpty();
    }

    @Test
    void exportAllWritesEveryFigureInEveryFormat() throws Exception {
        Map<String, Figure> figures = RunFigures.all(report(), List.of());
        List<Path> written = new FigureExporter().exportAll(figures, folder, FigureSize.SINGLE_COLUMN, 150,
                EnumSet.of(ExportFormat.PNG, ExportFormat.SVG, ExportFormat.PDF));
        assertThat(written).hasSize(figures.size() * 3);
        for (Path file : written) {
            assertThat(Files.size(file)).isPositive();
        }
        assertThat(Files.readString(folder.resolve("roc.svg"))).contains("ventricular");
    }
}
